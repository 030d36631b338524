using Spectre.Console;

namespace AgentDeck.Terminal.Tests;

public sealed class SpectreRendererTests
{
    private static Table WorkerTable()
    {
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Worker");
        table.AddColumn("State");
        table.AddRow("claude-1", "running");
        table.AddRow("codex-2", "done");
        return table;
    }

    [Fact]
    public void GivenAPanelWithATable_WhenRendered_ThenTheBufferHoldsTheGoldenText()
    {
        var buffer = new CellBuffer(30, 10);
        var panel = new Panel(WorkerTable()).Header("Workers").Border(BoxBorder.Square);

        var rows = SpectreRenderer.Render(panel, buffer.Area(new Rect(1, 1, 28, 9)));

        Assert.Equal(8, rows);
        Assert.Equal(
        [
            "                              ",
            " ┌─Workers────────────────┐   ",
            " │ ╭──────────┬─────────╮ │   ",
            " │ │ Worker   │ State   │ │   ",
            " │ ├──────────┼─────────┤ │   ",
            " │ │ claude-1 │ running │ │   ",
            " │ │ codex-2  │ done    │ │   ",
            " │ ╰──────────┴─────────╯ │   ",
            " └────────────────────────┘   ",
            "                              ",
        ], buffer.ToLines());
    }

    [Fact]
    public void GivenMarkup_WhenRendered_ThenSpectreStylesMapToCellStyles()
    {
        var buffer = new CellBuffer(10, 1);

        SpectreRenderer.Render(new Markup("[bold red on blue]a[/][#ff8700 italic]b[/][invert strikethrough grey]c[/]"), buffer.Area());

        Assert.Equal(new Style(TerminalColor.BrightRed, TerminalColor.BrightBlue, TextAttributes.Bold), buffer[0, 0].Style);
        Assert.Equal(new Style(TerminalColor.FromRgb(0xff, 0x87, 0x00), TerminalColor.Default, TextAttributes.Italic), buffer[1, 0].Style);
        Assert.Equal(new Style(TerminalColor.BrightBlack, TerminalColor.Default, TextAttributes.Reverse | TextAttributes.Strikethrough), buffer[2, 0].Style);
    }

    [Fact]
    public void GivenAnIndexedPaletteColour_WhenMapped_ThenItKeepsItsPaletteIndex()
    {
        Assert.Equal(TerminalColor.Indexed(208), SpectreStyleMapper.Map(Color.DarkOrange));
        Assert.Equal(TerminalColor.Default, SpectreStyleMapper.Map(Color.Default));
    }

    [Fact]
    public void GivenATableWithWideCharacters_WhenRendered_ThenEveryRightBorderLinesUp()
    {
        var table = new Table().Border(TableBorder.Square);
        table.AddColumn("名前");
        table.AddColumn("状態");
        table.AddRow("中文テキスト", "😀 ok");
        table.AddRow("e\u0301cole", "done");
        var buffer = new CellBuffer(40, 8);

        var rows = SpectreRenderer.Render(table, buffer.Area());

        var tableWidth = Enumerable.Range(0, buffer.Width).Last(x => buffer[x, 0].Text != " ") + 1;
        Assert.All(Enumerable.Range(0, rows), y => Assert.Contains(buffer[tableWidth - 1, y].Text, new[] { "┐", "│", "┤", "┘" }));
    }

    [Fact]
    public void GivenARenderableTallerThanTheArea_WhenRendered_ThenRowsBelowTheAreaAreClipped()
    {
        var buffer = new CellBuffer(12, 4);

        var rows = SpectreRenderer.Render(new Rows(new Text("one"), new Text("two"), new Text("three")), buffer.Area(new Rect(0, 0, 12, 2)));

        Assert.Equal(3, rows);
        Assert.Equal(["one         ", "two         ", "            ", "            "], buffer.ToLines());
    }

    [Fact]
    public void GivenABarChart_WhenRendered_ThenItsLabelsAppearInTheArea()
    {
        var buffer = new CellBuffer(30, 4);
        var chart = new BarChart().Width(30).AddItem("ok", 12, Color.Green).AddItem("err", 3, Color.Red);

        SpectreRenderer.Render(chart, buffer.Area());

        var lines = buffer.ToLines();
        Assert.StartsWith(" ok  ██", lines[0]);
        Assert.StartsWith("err  ██", lines[1]);
        Assert.EndsWith(" 12", lines[0]);
        Assert.Contains("█", lines[0]);
        Assert.Equal(TerminalColor.Green, buffer[lines[0].IndexOf('█'), 0].Style.Foreground);
    }
}
