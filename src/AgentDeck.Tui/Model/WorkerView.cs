using AgentDeck.Core.Runs;

namespace AgentDeck.Tui.Model;

/// <summary>One worker as the screen sees it: its ledger row plus what its recent events say.</summary>
public sealed record WorkerView(RunRecord Run, string Phase, string? LastTool, IReadOnlyList<string> Tail, bool Unread)
{
    /// <summary>The number the screen shows and jumps to (see <see cref="WorkerNumbers"/>); 0 until the screen numbers it.</summary>
    public int Number { get; init; }

    public static WorkerView Of(RunRecord run) => new(run, run.Status.ToString().ToLowerInvariant(), null, [], false);
}
