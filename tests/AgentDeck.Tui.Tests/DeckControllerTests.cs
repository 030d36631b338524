using AgentDeck.Terminal;
using AgentDeck.Terminal.Input;
using AgentDeck.Tui.App;
using AgentDeck.Tui.Control;
using AgentDeck.Tui.Tests.Support;

namespace AgentDeck.Tui.Tests;

public sealed class DeckControllerTests
{
    private readonly FakeDeckSource _source = new(SampleDeck.Snapshot());
    private readonly RecordingControl _control = new();

    [Fact]
    public void Given_no_worker_control_When_an_action_key_is_pressed_Then_the_status_says_why_and_nothing_happens()
    {
        var deck = Deck(new UnavailableWorkerControl("no supervisor socket at /tmp/x"));
        Press(deck, 'i');
        Assert.Equal("interrupt: no supervisor socket at /tmp/x", deck.Message);
        Assert.Null(deck.Overlay);
    }

    [Fact]
    public void Given_a_worker_When_stop_is_pressed_Then_it_asks_first_and_stops_only_on_yes()
    {
        var deck = Deck(_control);
        Press(deck, 'j', 'x');
        Assert.IsType<ConfirmOverlay>(deck.Overlay);
        Press(deck, 'n');
        Assert.Empty(_control.Calls);

        Press(deck, 'x', 'y');
        Assert.Equal(["stop 01jrun0002"], _control.Calls);
    }

    [Fact]
    public void Given_numbered_workers_When_a_worker_is_spawned_Then_the_others_keep_their_numbers_and_keys()
    {
        var deck = Deck(_control);
        Assert.Equal([1, 2, 3, 4], deck.Workers.Select(w => w.Number));

        var spawned = new Model.WorkerView(SampleDeck.Run("01jrun0005", "claude", "review", null, Core.Runs.RunStatus.Starting, 0, null), "starting", null, [], false);
        _source.Snapshot = _source.Snapshot with { Workers = [spawned, .. SampleDeck.Workers()], Version = 2 };
        deck.Refresh();

        Assert.Equal(["01jrun0005", "01jrun0001", "01jrun0002", "01jrun0003", "01jrun0004"], deck.Workers.Select(w => w.Run.Id));
        Assert.Equal([5, 1, 2, 3, 4], deck.Workers.Select(w => w.Number));
        Press(deck, '2');
        Assert.Equal("01jrun0002", deck.SelectedWorker!.Run.Id);
        Press(deck, '5');
        Assert.Equal("01jrun0005", deck.SelectedWorker!.Run.Id);
    }

    [Fact]
    public void Given_a_filter_When_a_number_is_pressed_Then_it_selects_the_worker_of_that_number_among_those_shown()
    {
        var deck = Deck(_control);
        Press(deck, '/');
        Press(deck, "gemini".ToCharArray());
        deck.HandleKey(KeyEvent.Of(Key.Enter));
        Press(deck, '3');
        Assert.Equal("01jrun0003", deck.SelectedWorker!.Run.Id);
        Press(deck, '1');
        Assert.Equal("there is no worker 1", deck.Message);
    }

    [Fact]
    public void Given_the_steer_line_When_text_is_typed_and_entered_Then_the_selected_worker_is_steered()
    {
        var deck = Deck(_control);
        Press(deck, 's');
        Press(deck, "run the linter too".ToCharArray());
        deck.HandleKey(KeyEvent.Of(Key.Enter));
        Assert.Equal(["steer 01jrun0001 run the linter too"], _control.Calls);
    }

    [Fact]
    public void Given_the_spawn_dialog_When_filled_and_sent_Then_the_request_carries_every_field()
    {
        var deck = Deck(_control);
        Press(deck, 'n');
        deck.HandlePaste("fix the build");
        deck.HandleKey(KeyEvent.Of(Key.Enter));
        Press(deck, "then test".ToCharArray());
        deck.HandleKey(KeyEvent.Char('w', KeyModifiers.Ctrl));
        deck.HandleKey(KeyEvent.Of(Key.Tab));
        Press(deck, "x".ToCharArray());
        deck.HandleKey(KeyEvent.Of(Key.Tab));
        Press(deck, "reviewer".ToCharArray());
        deck.HandleKey(KeyEvent.Char('s', KeyModifiers.Ctrl));
        Assert.Equal(["spawn claudex|reviewer||True|fix the build\nthen test"], _control.Calls);
        Assert.Null(deck.Overlay);
    }

    [Fact]
    public void Given_the_grid_When_a_worker_is_focused_Then_its_transcript_loads_and_it_is_marked_read_and_esc_returns()
    {
        _source.Transcripts["01jrun0001"] = SampleDeck.Transcript("01jrun0001");
        var deck = Deck(_control);
        deck.HandleKey(KeyEvent.Of(Key.Enter));
        Assert.Equal("01jrun0001", deck.FocusedRunId);
        Assert.Contains(deck.TranscriptLines, l => l.Text == "One test fails; fixing it now.");
        Assert.Contains("01jrun0001", _source.MarkedRead);

        deck.HandleKey(KeyEvent.Of(Key.Escape));
        Assert.Null(deck.FocusedRunId);
    }

    [Fact]
    public void Given_a_focused_transcript_When_searching_Then_the_view_scrolls_to_the_match()
    {
        _source.Transcripts["01jrun0001"] = SampleDeck.Transcript("01jrun0001");
        var deck = Deck(_control);
        deck.HandleKey(KeyEvent.Of(Key.Enter));
        DeckView.Draw(new CellBuffer(80, 24), deck);
        Press(deck, '/');
        Press(deck, "edit".ToCharArray());
        deck.HandleKey(KeyEvent.Of(Key.Enter));
        var wrapped = Screens.FocusScreen.Wrap(deck.TranscriptLines, deck.BodyWidth);
        Assert.Contains("Edit", wrapped[deck.TranscriptTop!.Value].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_filter_When_typed_Then_only_matching_workers_remain_and_esc_clears_it()
    {
        var deck = Deck(_control);
        Press(deck, '/');
        Press(deck, "codex".ToCharArray());
        deck.HandleKey(KeyEvent.Of(Key.Enter));
        Assert.Equal("codex", Assert.Single(deck.Workers).Run.Agent);

        deck.HandleKey(KeyEvent.Of(Key.Escape));
        Assert.Equal(4, deck.Workers.Count);
    }

    [Fact]
    public void Given_the_palette_When_a_fuzzy_query_is_entered_Then_the_best_match_runs()
    {
        var deck = Deck(_control);
        Press(deck, ':');
        Press(deck, "intr".ToCharArray());
        deck.HandleKey(KeyEvent.Of(Key.Enter));
        Assert.Equal(["interrupt 01jrun0001"], _control.Calls);
    }

    [Fact]
    public void Digits_jump_tab_cycles_panels_show_all_toggles_the_scope_and_q_quits()
    {
        var deck = Deck(_control);
        Press(deck, '3');
        Assert.Equal(2, deck.Selected);
        deck.HandleKey(KeyEvent.Of(Key.Tab));
        Assert.Equal(DeckPanel.Routing, deck.Panel);
        Press(deck, 'a');
        deck.Refresh();
        Assert.NotEqual(_source.Polls[0].ShowAll, _source.Polls[^1].ShowAll);
        Press(deck, 'q');
        Assert.True(deck.QuitRequested);
    }

    [Fact]
    public void A_finished_control_action_reports_its_result_on_the_next_refresh()
    {
        var deck = Deck(_control);
        Press(deck, 'r');
        Assert.True(SpinUntil(() => deck.Refresh() && deck.Message == "ok: cross-review 01jrun0001"));
    }

    private DeckController Deck(IWorkerControl control)
    {
        var deck = new DeckController(new DeckOptions { Source = _source, Control = control });
        deck.Refresh();
        return deck;
    }

    private static void Press(DeckController deck, params char[] keys)
    {
        foreach (var key in keys)
        {
            deck.HandleKey(KeyEvent.Char(key));
        }
    }

    private static bool SpinUntil(Func<bool> condition)
    {
        // Waits for a continuation on the thread pool; bounded so a broken build fails instead of hanging.
        for (var i = 0; i < 500; i++)
        {
            if (condition())
            {
                return true;
            }

            Thread.Sleep(10);
        }

        return false;
    }
}
