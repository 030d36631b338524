using AgentDeck.Core.Runs;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Model;

/// <summary>Each run status as a glyph and a theme role (k9s maps states onto status colours the same way).</summary>
public static class WorkerStates
{
    private static readonly Dictionary<RunStatus, (string Glyph, ThemeRole Role)> Table = new()
    {
        [RunStatus.Queued] = ("◌", ThemeRole.StateQueued),
        [RunStatus.Starting] = ("◔", ThemeRole.StateRunning),
        [RunStatus.Running] = ("●", ThemeRole.StateRunning),
        [RunStatus.Waiting] = ("◐", ThemeRole.StateWaiting),
        [RunStatus.Idle] = ("○", ThemeRole.StateIdle),
        [RunStatus.Succeeded] = ("✔", ThemeRole.StateSucceeded),
        [RunStatus.Failed] = ("✖", ThemeRole.StateFailed),
        [RunStatus.Interrupted] = ("◑", ThemeRole.StateInterrupted),
        [RunStatus.Stopped] = ("■", ThemeRole.StateStopped),
        [RunStatus.Lost] = ("?", ThemeRole.StateLost),
    };

    public static string Glyph(RunStatus status) => Table[status].Glyph;

    public static ThemeRole Role(RunStatus status) => Table[status].Role;

    public static bool IsActive(RunStatus status) => status is RunStatus.Queued or RunStatus.Starting or RunStatus.Running or RunStatus.Waiting;
}
