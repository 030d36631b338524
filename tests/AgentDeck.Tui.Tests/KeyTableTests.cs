using AgentDeck.Terminal.Input;
using AgentDeck.Tui.App;
using AgentDeck.Tui.Keys;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

public sealed class KeyTableTests
{
    [Fact]
    public void Every_command_in_the_table_has_an_action_and_every_action_a_command() =>
        Assert.Equal(DeckCommands.All.Select(c => c.Id).Order(), DeckController.HandledCommands.Order());

    [Fact]
    public void No_two_commands_share_a_default_key_in_overlapping_scopes()
    {
        var bindings = DeckCommands.All.SelectMany(c => c.DefaultKeys.Select(k => (Key: k, c.Scope, c.Id))).ToList();
        var clashes = bindings
            .SelectMany(a => bindings.Where(b => b.Id != a.Id && b.Key == a.Key && (a.Scope == b.Scope || a.Scope == KeyScope.Global || b.Scope == KeyScope.Global)))
            .ToList();
        Assert.Empty(clashes);
    }

    [Theory]
    [InlineData('n', KeyScope.Grid, DeckCommands.Spawn)]
    [InlineData('x', KeyScope.Focus, DeckCommands.Stop)]
    [InlineData('/', KeyScope.Grid, DeckCommands.Filter)]
    [InlineData('/', KeyScope.Focus, DeckCommands.Search)]
    [InlineData('7', KeyScope.Grid, DeckCommands.Jump)]
    [InlineData('?', KeyScope.Focus, DeckCommands.Help)]
    public void Given_the_default_map_When_a_key_is_pressed_Then_it_resolves_to_the_scoped_command(char key, KeyScope scope, string expected) =>
        Assert.Equal(expected, KeyMap.Default.Resolve(KeyEvent.Char(key), scope)?.Id);

    [Fact]
    public void Given_ctrl_c_When_resolved_Then_it_quits_but_plain_c_does_nothing()
    {
        Assert.Equal(DeckCommands.Quit, KeyMap.Default.Resolve(KeyEvent.Char('c', KeyModifiers.Ctrl), KeyScope.Grid)?.Id);
        Assert.Null(KeyMap.Default.Resolve(KeyEvent.Char('c'), KeyScope.Grid));
    }

    [Fact]
    public void Given_a_remap_When_built_Then_the_new_key_runs_the_action_and_the_old_one_no_longer_does()
    {
        var map = KeyMap.Build(DeckCommands.All, new Dictionary<string, IReadOnlyList<string>> { ["spawn"] = ["Ctrl+n", "F2"] });

        Assert.Empty(map.Messages);
        Assert.Equal(DeckCommands.Spawn, map.Resolve(KeyEvent.Char('n', KeyModifiers.Ctrl), KeyScope.Grid)?.Id);
        Assert.Equal(DeckCommands.Spawn, map.Resolve(KeyEvent.Of(Key.F2), KeyScope.Focus)?.Id);
        Assert.Null(map.Resolve(KeyEvent.Char('n'), KeyScope.Grid));
        Assert.Equal("Ctrl+n/F2", map.KeyText(DeckCommands.Spawn));
    }

    [Fact]
    public void Given_a_user_key_that_a_default_uses_When_pressed_Then_the_user_binding_wins()
    {
        var map = KeyMap.Build(DeckCommands.All, new Dictionary<string, IReadOnlyList<string>> { ["stop"] = ["s"] });
        Assert.Equal(DeckCommands.Stop, map.Resolve(KeyEvent.Char('s'), KeyScope.Grid)?.Id);
    }

    [Fact]
    public void Given_an_unknown_action_and_a_bad_key_name_When_built_Then_messages_name_the_entries_and_defaults_stay()
    {
        var map = KeyMap.Build(DeckCommands.All, new Dictionary<string, IReadOnlyList<string>>
        {
            ["launch-rockets"] = ["L"],
            ["steer"] = ["Hyper+q"],
        });

        Assert.Equal(2, map.Messages.Count);
        Assert.Contains(map.Messages, m => m.Contains("[keys].launch-rockets", StringComparison.Ordinal) && m.Contains("unknown action", StringComparison.Ordinal));
        Assert.Contains(map.Messages, m => m.Contains("[keys].steer", StringComparison.Ordinal) && m.Contains("\"Hyper+q\"", StringComparison.Ordinal));
        Assert.Equal(DeckCommands.Steer, map.Resolve(KeyEvent.Char('s'), KeyScope.Grid)?.Id);
    }

    [Theory]
    [InlineData("Enter", "Enter")]
    [InlineData("esc", "Esc")]
    [InlineData("ctrl+X", "Ctrl+x")]
    [InlineData("Alt+Shift+Tab", "Alt+Shift+Tab")]
    [InlineData("Space", "Space")]
    [InlineData("?", "?")]
    [InlineData("F12", "F12")]
    public void Key_names_parse_and_print_back(string text, string printed)
    {
        Assert.True(KeyChord.TryParse(text, out var chord));
        Assert.Equal(printed, chord.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hyper+a")]
    [InlineData("ab")]
    [InlineData("F13")]
    public void Bad_key_names_do_not_parse(string text) => Assert.False(KeyChord.TryParse(text, out _));

    [Fact]
    public void The_help_overlay_lists_every_command_with_its_keys_from_the_map()
    {
        var map = KeyMap.Build(DeckCommands.All, new Dictionary<string, IReadOnlyList<string>> { ["interrupt"] = ["F4"] });
        var rows = HelpOverlay.Rows(map, _ => null, readOnly: false).Select(r => r.Text).ToList();

        foreach (var command in DeckCommands.All)
        {
            Assert.Contains(rows, r => r.Contains(command.Description, StringComparison.Ordinal));
        }

        Assert.Contains(rows, r => r.TrimStart().StartsWith("F4", StringComparison.Ordinal) && r.Contains("Interrupt", StringComparison.Ordinal));
    }

    [Fact]
    public void In_read_only_mode_the_help_hides_dangerous_actions_and_the_deck_refuses_them()
    {
        var rows = HelpOverlay.Rows(KeyMap.Default, _ => null, readOnly: true).Select(r => r.Text);
        Assert.DoesNotContain(rows, r => r.Contains("Stop the selected worker", StringComparison.Ordinal));

        var deck = new DeckController(new DeckOptions { Source = new FakeDeckSource(SampleDeck.Snapshot()), ReadOnly = true, Control = new RecordingControl() });
        deck.Refresh();
        deck.HandleKey(KeyEvent.Char('x'));
        Assert.Null(deck.Overlay);
        Assert.Contains("read-only", deck.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stp", DeckCommands.Stop)]
    [InlineData("cross", DeckCommands.CrossReview)]
    [InlineData("tgl", DeckCommands.ToggleTools)]
    [InlineData("spawn", DeckCommands.Spawn)]
    public void The_palette_fuzzy_matches_commands_best_first(string query, string expected) =>
        Assert.Equal(expected, PaletteOverlay.Matches(query, DeckCommands.All)[0].Id);

    [Fact]
    public void The_palette_drops_commands_that_do_not_contain_the_query_in_order()
    {
        Assert.Empty(PaletteOverlay.Matches("zzq", DeckCommands.All));
        Assert.Null(FuzzyMatcher.Score("pots", "stop"));
        Assert.NotNull(FuzzyMatcher.Score("stop", "stop the worker"));
    }

    [Fact]
    public void The_committed_keybindings_doc_is_generated_from_the_table()
    {
        var file = Path.Combine(Golden.ProjectDirectory(ThisFile()), "..", "..", "docs", "keybindings.md");
        var expected = KeybindingsDocument.Render(KeyMap.Default);
        if (Environment.GetEnvironmentVariable("AGENTDECK_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(file, expected);
        }

        Assert.True(File.Exists(file), $"{file} is missing; regenerate with AGENTDECK_UPDATE_DOCS=1 dotnet test tests/AgentDeck.Tui.Tests");
        Assert.True(expected == File.ReadAllText(file), "docs/keybindings.md is stale; regenerate with AGENTDECK_UPDATE_DOCS=1 dotnet test tests/AgentDeck.Tui.Tests");
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string file = "") => file;
}
