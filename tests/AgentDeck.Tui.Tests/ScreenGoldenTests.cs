using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Terminal;
using AgentDeck.Terminal.Input;
using AgentDeck.Tui.App;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

public sealed class ScreenGoldenTests
{
    private static readonly RoutingPlan Plan = new(
    [
        new RouteDecision("implementer", RolePermission.Write, new RoutingCandidate(AgentKind.Claude, "sonnet", null), 0.42m, 0.9, "best score for code edits", new RoutingCandidate(AgentKind.Codex, "gpt-5", "fast")),
        new RouteDecision("reviewer", RolePermission.ReadOnly, new RoutingCandidate(AgentKind.Gemini, "gemini-2.5-pro", null), null, 0.7, "cheapest reader", null),
    ]);

    [Theory]
    [InlineData(80, 24)]
    [InlineData(200, 50)]
    [InlineData(60, 24)]
    public void Given_four_workers_When_the_grid_is_drawn_Then_it_matches_the_golden_frame(int width, int height) =>
        Golden.Match(Render(width, height), $"grid-{width}x{height}");

    [Theory]
    [InlineData(80, 24)]
    [InlineData(200, 50)]
    public void Given_a_focused_worker_When_drawn_Then_the_transcript_matches_the_golden_frame(int width, int height) =>
        Golden.Match(Render(width, height, Key.Enter), $"focus-{width}x{height}");

    [Fact]
    public void Given_a_focused_worker_When_tool_calls_are_expanded_Then_outputs_show() =>
        Golden.Match(Render(80, 24, Key.Enter, 't'), "focus-expanded-80x24");

    [Fact]
    public void Given_the_grid_When_help_is_opened_Then_the_overlay_matches_the_golden_frame() =>
        Golden.Match(Render(80, 24, '?'), "help-80x24");

    [Theory]
    [InlineData(1, "routing")]
    [InlineData(2, "team")]
    [InlineData(3, "diff")]
    [InlineData(4, "cost")]
    public void Given_the_grid_When_tab_moves_to_a_panel_Then_it_matches_the_golden_frame(int tabs, string name)
    {
        foreach (var size in new[] { (80, 24), (200, 50) })
        {
            var keys = Enumerable.Repeat<object>(Key.Tab, tabs).ToArray();
            Golden.Match(Render(size.Item1, size.Item2, keys), $"{name}-{size.Item1}x{size.Item2}");
        }
    }

    [Fact]
    public void Given_a_tiny_terminal_When_drawn_Then_a_clear_message_fills_the_screen() =>
        Golden.Match(Render(30, 8), "too-small-30x8");

    [Fact]
    public void Given_no_runs_When_drawn_Then_the_grid_says_how_to_see_more() =>
        Golden.Match(Render(80, 24, SampleDeck.Snapshot([]), []), "empty-80x24");

    [Fact]
    public void Given_startup_problems_When_drawn_Then_each_is_listed_until_a_key_is_pressed()
    {
        var deck = new DeckController(new DeckOptions
        {
            Source = new FakeDeckSource(SampleDeck.Snapshot()),
            StartupMessages = ["config [keys].launch: unknown action \"launch\"; known actions: help, quit.", "theme \"nosuch\": no such theme. Using the \"dark\" theme."],
        });
        deck.Refresh();
        var frame = new CellBuffer(80, 24);
        DeckView.Draw(frame, deck);
        Golden.Match(frame, "notices-80x24");

        deck.HandleKey(KeyEvent.Of(Key.Down));
        Assert.Empty(deck.Notices);
    }

    private static CellBuffer Render(int width, int height, params object[] keys) =>
        Render(width, height, SampleDeck.Snapshot() with { Routing = Plan }, keys);

    private static CellBuffer Render(int width, int height, Model.DeckSnapshot snapshot, object[] keys)
    {
        var source = new FakeDeckSource(snapshot);
        source.Transcripts["01jrun0001"] = SampleDeck.Transcript("01jrun0001");
        var deck = new DeckController(new DeckOptions { Source = source });
        deck.Refresh();
        var frame = new CellBuffer(width, height);
        DeckView.Draw(frame, deck);
        foreach (var key in keys)
        {
            deck.HandleKey(key switch
            {
                Key k => KeyEvent.Of(k),
                char c => KeyEvent.Char(c),
                _ => throw new ArgumentException("keys are Key or char"),
            });
            frame.Clear();
            DeckView.Draw(frame, deck);
        }

        return frame;
    }
}
