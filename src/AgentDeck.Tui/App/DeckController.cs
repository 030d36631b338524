using System.Collections.Concurrent;
using System.Globalization;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Terminal.Input;
using AgentDeck.Tui.Control;
using AgentDeck.Tui.Keys;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Screens;
using AgentDeck.Tui.Source;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.App;

/// <summary>
/// The screen's state and what each command does to it. Keys resolve through the <see cref="KeyMap"/> to a command
/// id, and <see cref="Handlers"/> maps each id to its action: one table, no key switch.
/// </summary>
public sealed class DeckController
{
    private static readonly IReadOnlyDictionary<string, Action<DeckController, KeyEvent?>> Handlers = new Dictionary<string, Action<DeckController, KeyEvent?>>
    {
        [DeckCommands.Help] = (d, _) => d.Overlay = new HelpOverlay(),
        [DeckCommands.Palette] = (d, _) => d.Overlay = new PaletteOverlay(),
        [DeckCommands.Quit] = (d, _) => d.QuitRequested = true,
        [DeckCommands.Back] = (d, _) => d.Back(),
        [DeckCommands.NextPanel] = (d, _) => d.Panel = (DeckPanel)(((int)d.Panel + 1) % Enum.GetValues<DeckPanel>().Length),
        [DeckCommands.Up] = (d, _) => d.Move(-1),
        [DeckCommands.Down] = (d, _) => d.Move(1),
        [DeckCommands.PageUp] = (d, _) => d.Move(-Math.Max(1, d.BodyHeight - 1)),
        [DeckCommands.PageDown] = (d, _) => d.Move(Math.Max(1, d.BodyHeight - 1)),
        [DeckCommands.Top] = (d, _) => d.MoveTo(top: true),
        [DeckCommands.Bottom] = (d, _) => d.MoveTo(top: false),
        [DeckCommands.Focus] = (d, _) => d.FocusSelected(),
        [DeckCommands.Jump] = (d, key) => d.Jump(key),
        [DeckCommands.Filter] = (d, _) => d.Overlay = new InputOverlay("filter /", d.Filter, f => d.SetFilter(f), f => d.SetFilter(f)),
        [DeckCommands.ShowAll] = (d, _) => d.ToggleScope(),
        [DeckCommands.Search] = (d, _) => d.Overlay = new InputOverlay("search /", d.Search, s => { d.Search = s; d.NextMatch(fromTop: true); }),
        [DeckCommands.NextMatch] = (d, _) => d.NextMatch(fromTop: false),
        [DeckCommands.ToggleTools] = (d, _) => d.ExpandTools = !d.ExpandTools,
        [DeckCommands.Spawn] = (d, _) => d.Overlay = new SpawnOverlay(d._scope.Cwd, r => d.Launch("spawn", c => d.Control.SpawnAsync(r, c))),
        [DeckCommands.Steer] = (d, _) => d.SteerSelected(),
        [DeckCommands.Interrupt] = (d, _) => d.OnSelected("interrupt", (id, c) => d.Control.InterruptAsync(id, c)),
        [DeckCommands.Stop] = (d, _) => d.OnSelected("stop", (id, c) => d.Control.StopAsync(id, c)),
        [DeckCommands.CrossReview] = (d, _) => d.OnSelected("cross-review", (id, c) => d.Control.CrossReviewAsync(id, null, c)),
    };

    private readonly IDeckSource _source;
    private readonly ConcurrentQueue<string> _finished = new();
    private readonly List<StoredEvent> _transcript = [];
    private readonly WorkerNumbers _numbers = new();
    private DeckScope _scope;
    private (int Count, bool Expanded) _linesKey = (-1, false);
    private IReadOnlyList<PaneLine> _lines = [];
    private (IReadOnlyList<WorkerView>? Source, string Filter, IReadOnlyList<WorkerView> Workers) _visible = (null, "", []);

    public DeckController(DeckOptions options)
    {
        _source = options.Source;
        _scope = options.Scope;
        Keys = options.Keys;
        Theme = options.Theme;
        Control = options.Control;
        ReadOnly = options.ReadOnly;
        Clock = options.Clock;
        Snapshot = DeckSnapshot.Empty(Clock.GetUtcNow());
        Notices = options.StartupMessages;
    }

    /// <summary>Every command id in the table has an action (a test holds the table to this).</summary>
    public static IReadOnlyCollection<string> HandledCommands => Handlers.Keys.ToList();

    public KeyMap Keys { get; }
    public Theme Theme { get; private set; }
    public IWorkerControl Control { get; }
    public bool ReadOnly { get; }
    public TimeProvider Clock { get; }
    public DeckSnapshot Snapshot { get; private set; }
    public DeckPanel Panel { get; private set; }
    public int Selected { get; private set; }
    public string? FocusedRunId { get; private set; }
    public string Filter { get; private set; } = "";
    public string Search { get; private set; } = "";
    public bool ExpandTools { get; private set; }
    public int? TranscriptTop { get; set; }
    public IOverlay? Overlay { get; private set; }
    public string? Message { get; private set; }

    /// <summary>Problems found when opening (keymap, theme, config), shown over the bottom of the screen until a key is pressed.</summary>
    public IReadOnlyList<string> Notices { get; private set; }
    public bool QuitRequested { get; private set; }

    /// <summary>Rows of the focused transcript's body at the last draw (paging moves by this much).</summary>
    public int BodyHeight { get; set; } = 10;

    public int BodyWidth { get; set; } = 80;

    public KeyScope Scope => FocusedRunId is not null ? KeyScope.Focus : KeyScope.Grid;

    /// <summary>The snapshot's workers that match the filter (worked out once per snapshot and filter: a frame asks often).</summary>
    public IReadOnlyList<WorkerView> Workers
    {
        get
        {
            // Keyed on the worker list itself: an unchanged poll hands back the same list with only the clock moved.
            if (!ReferenceEquals(_visible.Source, Snapshot.Workers) || _visible.Filter != Filter)
            {
                _visible = (Snapshot.Workers, Filter, Filter.Length == 0 ? Snapshot.Workers : Snapshot.Workers.Where(w => WorkerPanePresenter.Matches(w, Filter)).ToList());
            }

            return _visible.Workers;
        }
    }

    public WorkerView? SelectedWorker => FocusedRunId is { } id
        ? Snapshot.Workers.FirstOrDefault(w => w.Run.Id == id)
        : Workers.ElementAtOrDefault(Selected);

    public IEnumerable<DeckCommand> VisibleCommands => Keys.Commands.Where(c => !(ReadOnly && c.Dangerous));

    public IReadOnlyList<PaneLine> TranscriptLines
    {
        get
        {
            if (_linesKey != (_transcript.Count, ExpandTools))
            {
                _lines = TranscriptPresenter.Lines(_transcript, ExpandTools);
                _linesKey = (_transcript.Count, ExpandTools);
            }

            return _lines;
        }
    }

    /// <summary>Reads new data; true when something on screen changed.</summary>
    public bool Refresh()
    {
        var changed = false;
        while (_finished.TryDequeue(out var message))
        {
            Message = message;
            changed = true;
        }

        var before = Snapshot.Version;
        var polled = _source.Poll(_scope);
        Snapshot = polled with { Workers = _numbers.Number(polled.Workers) };
        changed |= Snapshot.Version != before;
        Selected = Math.Clamp(Selected, 0, Math.Max(0, Workers.Count - 1));
        if (FocusedRunId is { } runId)
        {
            IReadOnlyList<StoredEvent> more;
            try
            {
                more = _source.ReadEvents(runId, _transcript.Count == 0 ? 1 : _transcript[^1].Seq + 1);
            }
            catch (LedgerException error)
            {
                // A busy or broken ledger is shown, not thrown: the screen keeps running and retries on the next poll.
                Message = error.Message;
                return true;
            }

            if (more.Count > 0)
            {
                _transcript.AddRange(more);
                _source.MarkRead(runId);
                changed = true;
            }
        }

        return changed;
    }

    public void HandleKey(KeyEvent key)
    {
        if (key is { Key: Key.Character, Modifiers: KeyModifiers.Ctrl } && key.Rune.Value == 'c')
        {
            QuitRequested = true;
            return;
        }

        Notices = [];
        if (Overlay is { } overlay)
        {
            if (!overlay.Handle(key, this) && Overlay == overlay)
            {
                Overlay = null;
            }

            return;
        }

        Message = null;
        if (Keys.Resolve(key, Scope) is { } command)
        {
            Run(command, key);
        }
    }

    public void HandlePaste(string text) => Overlay?.HandlePaste(text);

    /// <summary>Runs a command as if its key was pressed: refused with the reason when it cannot run, confirmed first when dangerous.</summary>
    public void Run(DeckCommand command, KeyEvent? key = null)
    {
        if (ReadOnly && command.Dangerous)
        {
            Say($"{command.Id} is hidden in read-only mode");
            return;
        }

        if (DisabledReason(command) is { } reason)
        {
            Say($"{command.Id}: {reason}");
            return;
        }

        var handler = Handlers[command.Id];
        if (command.Dangerous && SelectedWorker is { } worker)
        {
            Overlay = new ConfirmOverlay($"{command.Id} worker {WorkerFormat.Label(worker.Run)} ({worker.Run.Id})?", () => handler(this, key));
            return;
        }

        handler(this, key);
    }

    public string? DisabledReason(DeckCommand command) =>
        command.NeedsControl && Control.UnavailableReason is { } reason ? reason
        : command.NeedsWorker && SelectedWorker is null ? "no worker selected"
        : null;

    public void Say(string message) => Message = message;

    /// <summary>Switches to a reloaded theme (or keeps the current one) and shows what happened.</summary>
    public void ApplyTheme(ThemeLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        Theme = load.Theme;
        Message = load.Messages.Count > 0 ? load.Messages[0] : $"theme \"{load.Theme.Name}\" reloaded";
    }

    public void CloseOverlay() => Overlay = null;

    private void Back()
    {
        if (FocusedRunId is not null)
        {
            FocusedRunId = null;
            _transcript.Clear();
            Search = "";
        }
        else if (Filter.Length > 0)
        {
            SetFilter("");
        }
        else
        {
            Panel = DeckPanel.Workers;
        }
    }

    private void Move(int delta)
    {
        if (FocusedRunId is not null)
        {
            var maxTop = Math.Max(0, FocusScreen.Wrap(TranscriptLines, BodyWidth).Count - BodyHeight);
            var top = Math.Clamp((TranscriptTop ?? maxTop) + delta, 0, maxTop);
            TranscriptTop = top >= maxTop ? null : top;
            return;
        }

        Selected = Math.Clamp(Selected + delta, 0, Math.Max(0, Workers.Count - 1));
    }

    private void MoveTo(bool top)
    {
        if (FocusedRunId is not null)
        {
            TranscriptTop = top ? 0 : null;
            return;
        }

        Selected = top ? 0 : Math.Max(0, Workers.Count - 1);
    }

    private void FocusSelected()
    {
        if (SelectedWorker is not { } worker)
        {
            return;
        }

        FocusedRunId = worker.Run.Id;
        Panel = DeckPanel.Workers;
        TranscriptTop = null;
        _transcript.Clear();
        _transcript.AddRange(_source.ReadEvents(worker.Run.Id, 1));
        _source.MarkRead(worker.Run.Id);
    }

    private void Jump(KeyEvent? key)
    {
        var digit = key is { Key: Key.Character } && char.IsAsciiDigit((char)key.Rune.Value) ? key.Rune.Value - '0' : 0;
        var index = digit >= 1 ? IndexOfNumber(Workers, digit) : -1;
        if (index >= 0)
        {
            Selected = index;
        }
        else
        {
            Say(string.Create(CultureInfo.InvariantCulture, $"there is no worker {digit}"));
        }
    }

    private static int IndexOfNumber(IReadOnlyList<WorkerView> workers, int number)
    {
        for (var i = 0; i < workers.Count; i++)
        {
            if (workers[i].Number == number)
            {
                return i;
            }
        }

        return -1;
    }

    private void SetFilter(string filter)
    {
        Filter = filter;
        Selected = 0;
    }

    private void ToggleScope()
    {
        _scope = _scope with { ShowAll = !_scope.ShowAll };
        Selected = 0;
        Say("showing " + _scope.Label);
    }

    private void NextMatch(bool fromTop)
    {
        if (Search.Length == 0)
        {
            return;
        }

        var wrapped = FocusScreen.Wrap(TranscriptLines, BodyWidth);
        var maxTop = Math.Max(0, wrapped.Count - BodyHeight);
        var start = fromTop ? 0 : (TranscriptTop ?? maxTop) + 1;
        for (var i = 0; i < wrapped.Count; i++)
        {
            var index = (start + i) % Math.Max(1, wrapped.Count);
            if (wrapped[index].Text.Contains(Search, StringComparison.OrdinalIgnoreCase))
            {
                TranscriptTop = index;
                return;
            }
        }

        Say($"\"{Search}\" not found");
    }

    private void SteerSelected()
    {
        var worker = SelectedWorker!;
        Overlay = new InputOverlay($"steer {worker.Run.Agent}/{worker.Run.Role ?? "-"}:", "",
            text => { if (text.Trim().Length > 0) Launch("steer", c => Control.SteerAsync(worker.Run.Id, text, c)); });
    }

    private void OnSelected(string action, Func<string, CancellationToken, Task<ControlResult>> act)
    {
        var id = SelectedWorker!.Run.Id;
        Launch(action, c => act(id, c));
    }

    private void Launch(string action, Func<CancellationToken, Task<ControlResult>> act)
    {
        Say(action + "…");
        Task<ControlResult> task;
        try
        {
            task = act(CancellationToken.None);
        }
        catch (Exception error)
        {
            Say($"{action} failed: {error.Message}");
            return;
        }

        task.ContinueWith(
            t => _finished.Enqueue(t.IsCompletedSuccessfully ? t.Result.Message : $"{action} failed: {t.Exception?.GetBaseException().Message}"),
            TaskScheduler.Default);
    }
}
