using AgentDeck.Core.Runs;
using AgentDeck.Terminal;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Screens;
using AgentDeck.Tui.Tests.Support;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Tests;

/// <summary>The frame path draws from spans and caches; these pin it to the string forms it replaced.</summary>
public sealed class FramePathTests
{
    private static readonly string[] Texts =
    [
        "",
        "plain ascii text that is fairly long",
        "wide 漢字かな混じり文 text",
        "emoji 👩‍💻 and flags 🇫🇷 mixed in",
        "combining e\u0301 and a\u0308 marks",
        "▸ Bash dotnet test tests/AgentDeck.Worker1.Tests -c Release  (line 12345)",
    ];

    [Fact]
    public void Given_spans_of_any_length_When_durations_are_asked_twice_Then_the_cached_words_match_humanizer()
    {
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var span = TimeSpan.FromTicks((long)(random.NextDouble() * TimeSpan.FromDays(9).Ticks));
            var expected = span < TimeSpan.FromSeconds(1) ? "just now" : WorkerFormat.Humanize(span);
            Assert.Equal(expected, WorkerFormat.Duration(span));
            Assert.Equal(expected, WorkerFormat.Duration(span));
        }
    }

    [Fact]
    public void Given_text_of_every_kind_When_drawn_from_a_span_Then_the_cells_match_the_truncated_string()
    {
        foreach (var text in Texts)
        {
            for (var room = 1; room <= 40; room++)
            {
                var fromSpan = new CellBuffer(42, 1);
                new Painter(fromSpan.Area(new Rect(0, 0, room, 1)), Theme.Plain).Text(0, 0, text.AsSpan(), ThemeRole.Text);
                var fromString = new CellBuffer(42, 1);
                fromString.Area(new Rect(0, 0, room, 1)).SetString(0, 0, TextFit.Truncate(text, room), Theme.Plain[ThemeRole.Text]);
                Assert.Equal(fromString.ToLines(), fromSpan.ToLines());
                Assert.Equal(fromString.Row(0).ToArray(), fromSpan.Row(0).ToArray());
            }
        }
    }

    [Fact]
    public void Given_text_of_every_kind_When_truncated_Then_the_cut_falls_where_measuring_rune_by_rune_puts_it()
    {
        foreach (var text in Texts.Append("lone \ud800 surrogate and \u0007 bell").Append("💻💻💻 astral first"))
        {
            for (var width = 1; width <= 45; width++)
            {
                var expected = CellWidth.Of(text) <= width ? text : string.Concat(text.AsSpan(0, ReferenceCut(text, width - 1)), "…");
                Assert.Equal(expected, TextFit.Truncate(text, width));
            }
        }
    }

    [Fact]
    public void Given_more_text_than_its_buffer_When_appended_Then_line_text_grows_and_keeps_every_char()
    {
        var line = new LineText(stackalloc char[4]);
        line.Append("abc");
        line.Append(12_345_678L);
        line.Append('-');
        line.Append(0.0123m, "0.0000");
        line.AppendPadded(7, 3);
        Assert.Equal("abc12345678-0.0123  7", line.ToStringAndDispose());
    }

    [Fact]
    public void Given_a_tail_longer_than_the_pane_When_the_grid_draws_Then_the_last_wrapped_rows_show()
    {
        var tail = Enumerable.Range(1, 15)
            .Select(i => $"line {i}: " + string.Join(' ', Enumerable.Repeat($"word{i}", 30)))
            .Append("short last line")
            .ToList();
        var run = SampleDeck.Run("01jrun0001", "claude", "implementer", "sonnet", RunStatus.Running, 5, 0.0123m, 12000, 3400);
        var worker = new WorkerView(run, "writing", "Bash dotnet test", tail, false);
        var frame = new CellBuffer(80, 24);
        WorkerGridScreen.Draw(new Painter(frame.Area(), Theme.Plain), [worker], 0, SampleDeck.Now, "");

        // One pane fills the frame: 22 rows inside its border, three of them figures.
        const int room = 22 - WorkerPanePresenter.FigureCount;
        var expected = tail.TakeLast(room).SelectMany(l => TextFit.Wrap(l, 78)).TakeLast(room).ToList();
        var shown = frame.ToLines().Skip(1 + WorkerPanePresenter.FigureCount).Take(room).Select(l => l[1..^1].TrimEnd()).ToList();
        Assert.Equal(expected.Select(l => l.TrimEnd()), shown);
        Assert.Equal("short last line", shown[^1]);
    }

    private static int ReferenceCut(string text, int width)
    {
        var used = 0;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var w = CellWidth.Of(rune.ToString());
            if (used + w > width)
            {
                break;
            }

            used += w;
            index += rune.Utf16SequenceLength;
        }

        return index;
    }

    [Fact]
    public void Given_a_worker_When_its_figures_are_had_as_strings_Then_they_read_as_before()
    {
        var run = SampleDeck.Run("01jrun0001", "claude", "implementer", "sonnet", RunStatus.Running, 5, 0.0123m, 12000, 3400);
        var worker = new WorkerView(run, "writing", null, [], true);
        Assert.Equal("3 ● claude · implementer · sonnet ✱", WorkerPanePresenter.Title(worker, 3));
        Assert.Equal(
            ["● running · writing · 5 minutes", "15.4k tok · $0.0123 · 3 tool calls", "⚙ no tool call yet"],
            WorkerPanePresenter.Figures(worker, SampleDeck.Now).Select(f => f.Text));
        Assert.Equal("✱ 3 ● claude/implementer running · 5 minutes · $0.0123 · writing", WorkerPanePresenter.Row(worker, 3, SampleDeck.Now));
    }
}
