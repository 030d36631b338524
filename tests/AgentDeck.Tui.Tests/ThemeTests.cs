using AgentDeck.Terminal;
using AgentDeck.Tui.Themes;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

public sealed class ThemeTests : IDisposable
{
    private readonly TempHome _dir = new();

    [Fact]
    public void The_four_built_in_themes_ship_in_the_assembly_and_parse()
    {
        Assert.Equal(["dark", "high-contrast", "light", "terminal"], ThemeLoader.BuiltInNames);
        foreach (var name in ThemeLoader.BuiltInNames)
        {
            var theme = ThemeLoader.LoadBuiltIn(name)!;
            Assert.Equal(name, theme.Name);
            foreach (var role in Enum.GetValues<ThemeRole>())
            {
                _ = theme[role];
            }
        }
    }

    [Fact]
    public void Every_built_in_theme_defines_every_role() 
    {
        foreach (var file in Directory.GetFiles(Path.Combine(Golden.ProjectDirectory(ThisFile()), "..", "..", "themes"), "*.json"))
        {
            var text = File.ReadAllText(file);
            foreach (var role in Enum.GetValues<ThemeRole>())
            {
                Assert.True(text.Contains($"\"{ThemeRoleNames.Name(role)}\"", StringComparison.Ordinal), $"{file} lacks {ThemeRoleNames.Name(role)}");
            }
        }
    }

    [Fact]
    public void The_terminal_theme_keeps_the_terminal_background_and_dark_paints_its_own()
    {
        Assert.Equal(TerminalColor.Default, ThemeLoader.LoadBuiltIn("terminal")![ThemeRole.Text].Background);
        Assert.Equal(TerminalColor.FromRgb(0x1e, 0x1e, 0x2e), ThemeLoader.LoadBuiltIn("dark")![ThemeRole.Text].Background);
    }

    [Fact]
    public void Given_no_name_When_loaded_Then_dark_is_the_default_without_messages()
    {
        var load = new ThemeLoader([]).Load(null);
        Assert.Equal("dark", load.Theme.Name);
        Assert.Empty(load.Messages);
    }

    [Fact]
    public void Given_a_user_theme_file_When_loaded_by_name_Then_it_wins_over_nothing_and_parses_styles()
    {
        File.WriteAllText(Path.Combine(_dir.Path, "mine.json"), """{"name": "mine", "roles": {"background": {"bg": "ansi:17"}, "state-running": {"fg": "#ff0000", "bold": true}}}""");
        var load = new ThemeLoader([_dir.Path]).Load("mine");

        Assert.Empty(load.Messages);
        Assert.Equal(new Style(TerminalColor.FromRgb(255, 0, 0), TerminalColor.Indexed(17), TextAttributes.Bold), load.Theme[ThemeRole.StateRunning]);
        Assert.Equal(TerminalColor.Indexed(17), load.Theme[ThemeRole.Muted].Background);
    }

    [Theory]
    [InlineData("{ not json", "not valid JSON")]
    [InlineData("""{"roles": {"sparkles": {"fg": "red"}}}""", "unknown role \"sparkles\"")]
    [InlineData("""{"roles": {"text": {"fg": "mauve-ish"}}}""", "roles.text.fg")]
    [InlineData("""{"roles": {"text": {"blink": true}}}""", "unknown setting \"blink\"")]
    [InlineData("""{"colours": {}}""", "needs a \"roles\" object")]
    public void Given_a_broken_theme_file_When_loaded_Then_the_default_is_used_and_the_message_names_file_and_entry(string json, string expected)
    {
        var file = Path.Combine(_dir.Path, "broken.json");
        File.WriteAllText(file, json);
        var load = new ThemeLoader([_dir.Path]).Load("broken");

        Assert.Equal("dark", load.Theme.Name);
        var message = Assert.Single(load.Messages);
        Assert.Contains(file, message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_unknown_theme_name_When_loaded_Then_the_message_lists_the_built_in_themes()
    {
        var load = new ThemeLoader([_dir.Path]).Load("solarized");
        Assert.Equal("dark", load.Theme.Name);
        Assert.Contains("dark, high-contrast, light, terminal", Assert.Single(load.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_dark_theme_When_help_is_open_Then_its_text_sits_on_the_dialog_colour_and_states_use_their_colours()
    {
        var dark = ThemeLoader.LoadBuiltIn("dark")!;
        var deck = new App.DeckController(new App.DeckOptions { Source = new FakeDeckSource(SampleDeck.Snapshot()), Theme = dark });
        deck.Refresh();
        var frame = new CellBuffer(80, 24);
        App.DeckView.Draw(frame, deck);
        Assert.Equal(dark[ThemeRole.StateRunning].Foreground, frame[4, 1].Style.Foreground); // "╭ 1 ●": the running glyph

        deck.HandleKey(AgentDeck.Terminal.Input.KeyEvent.Char('?'));
        App.DeckView.Draw(frame, deck);
        var help = Enumerable.Range(0, 24).First(y => string.Concat(Enumerable.Range(0, 80).Select(x => frame[x, y].Text)).Contains("Show this help", StringComparison.Ordinal));
        Assert.All(Enumerable.Range(2, 60), x => Assert.Equal(dark[ThemeRole.Dialog].Background, frame[x, help].Style.Background));
    }

    public void Dispose() => _dir.Dispose();

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string file = "") => file;
}
