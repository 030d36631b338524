using System.Buffers;
using AgentDeck.Terminal;

namespace AgentDeck.Benchmarks;

/// <summary>
/// The screen budget's workload: a 200×50 screen of 16 worker panes (4×4, bordered, titled with a live token count),
/// each receiving one new output line per frame — 16 workers × 50 lines/s at 50 frames/s — plus a header clock.
/// Each frame is built whole into a fresh buffer, then diffed against the previous one.
/// </summary>
public sealed class FrameDiffScenario
{
    public const int ScreenWidth = 200;
    public const int ScreenHeight = 50;
    private const int Columns = 4;
    private const int Rows = 4;
    private const int PaneWidth = ScreenWidth / Columns;
    private const int PaneHeight = (ScreenHeight - 2) / Rows;
    private const int VisibleLines = PaneHeight - 2;

    private static readonly string[] Templates =
    [
        "▸ Read src/AgentDeck.Core/Events/{0}.cs ({1} lines)",
        "▸ Bash dotnet test tests/AgentDeck.{0}.Tests -c Release",
        "✓ Edit src/AgentDeck.Agents/{0}Parser.cs +{1} −3",
        "  thinking: the {0} handler needs the ledger id before {1}",
        "▸ Grep \"{0}\" in src/ → {1} matches",
        "  assistant: updated {0} and added {1} tests; running them now",
        "✗ Bash exit 1: error CS{1}: '{0}' does not exist",
    ];

    private static readonly string[] Words = ["RunTally", "EventJson", "TokenUsage", "Ledger", "Router", "Toml", "Mcp", "Worker"];

    private static readonly Style Border = Style.Fg(TerminalColor.BrightBlack);
    private static readonly Style Title = new(TerminalColor.BrightWhite, TerminalColor.Default, TextAttributes.Bold);
    private static readonly Style Header = new(TerminalColor.Black, TerminalColor.Cyan);
    private static readonly Style Ok = Style.Fg(TerminalColor.Green);
    private static readonly Style Failed = Style.Fg(TerminalColor.FromRgb(255, 95, 95));
    private static readonly Style Plain = Style.Default;

    private readonly Queue<(string Text, Style Style)>[] _paneLines = new Queue<(string, Style)>[Columns * Rows];
    private readonly long[] _tokens = new long[Columns * Rows];
    private readonly Random _random = new(20260101);
    private readonly DiffWriter _writer;
    private readonly ArrayBufferWriter<byte> _sink = new(256 * 1024);
    private CellBuffer _previous = new(ScreenWidth, ScreenHeight);
    private CellBuffer _next = new(ScreenWidth, ScreenHeight);
    private long _frame;

    public FrameDiffScenario(ColorDepth depth = ColorDepth.TrueColor)
    {
        _writer = new DiffWriter(depth);
        for (var i = 0; i < _paneLines.Length; i++)
        {
            _paneLines[i] = new Queue<(string, Style)>();
        }

        _writer.Write(null, _previous, _sink);
    }

    /// <summary>Builds the next frame and writes it: as a diff, or as a full redraw. Returns the bytes written.</summary>
    public int NextFrame(bool fullRedraw)
    {
        _frame++;
        AddLines();
        BuildFrame(_next);
        _sink.ResetWrittenCount();
        if (fullRedraw)
        {
            _writer.Invalidate();
        }

        _writer.Write(_previous, _next, _sink);
        (_previous, _next) = (_next, _previous);
        return _sink.WrittenCount;
    }

    /// <summary>Bytes per frame of diffs and of full redraws over the same deterministic frames.</summary>
    public static (double DiffBytes, double FullRedrawBytes) MeasureBytes(int frames)
    {
        var diff = new FrameDiffScenario();
        var full = new FrameDiffScenario();
        long diffBytes = 0;
        long fullBytes = 0;
        for (var i = 0; i < frames; i++)
        {
            diffBytes += diff.NextFrame(fullRedraw: false);
            fullBytes += full.NextFrame(fullRedraw: true);
        }

        return ((double)diffBytes / frames, (double)fullBytes / frames);
    }

    private void AddLines()
    {
        for (var pane = 0; pane < _paneLines.Length; pane++)
        {
            var template = Templates[_random.Next(Templates.Length)];
            var text = string.Format(template, Words[_random.Next(Words.Length)], _random.Next(1, 9999));
            var style = text[0] switch { '✓' => Ok, '✗' => Failed, _ => Plain };
            var lines = _paneLines[pane];
            lines.Enqueue((text, style));
            if (lines.Count > VisibleLines)
            {
                lines.Dequeue();
            }

            _tokens[pane] += _random.Next(20, 400);
        }
    }

    private void BuildFrame(CellBuffer buffer)
    {
        buffer.Clear();
        buffer.Fill(new Rect(0, 0, ScreenWidth, 1), Header);
        buffer.SetString(1, 0, $"AgentDeck · 16 workers · frame {_frame}", Header);
        buffer.SetString(1, ScreenHeight - 1, "q quit  ↑↓ select  enter focus  / filter  ? help", Plain);
        for (var pane = 0; pane < _paneLines.Length; pane++)
        {
            var area = buffer.Area(new Rect(pane % Columns * PaneWidth, 1 + pane / Columns * PaneHeight, PaneWidth, PaneHeight));
            DrawPane(area, pane);
        }
    }

    private void DrawPane(BufferArea area, int pane)
    {
        var inner = area.Width - 2;
        area.SetString(0, 0, "┌" + new string('─', inner) + "┐", Border);
        area.SetString(2, 0, $" worker-{pane + 1:00} · running · {_tokens[pane]:N0} tok ", Title);
        for (var y = 1; y < area.Height - 1; y++)
        {
            area.SetString(0, y, "│", Border);
            area.SetString(area.Width - 1, y, "│", Border);
        }

        area.SetString(0, area.Height - 1, "└" + new string('─', inner) + "┘", Border);
        var content = area.Sub(new Rect(1, 1, inner, area.Height - 2));
        var row = 0;
        foreach (var (text, style) in _paneLines[pane])
        {
            content.SetString(0, row++, text, style);
        }
    }
}
