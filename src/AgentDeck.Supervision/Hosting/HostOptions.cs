using AgentDeck.Core.Runs;

namespace AgentDeck.Supervision.Hosting;

/// <summary>How a <see cref="SupervisorHost"/> lives.</summary>
public sealed record HostOptions
{
    /// <summary>How long the host stays after its last worker ended, so the next spawn finds it warm.</summary>
    public TimeSpan IdleGrace { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a start request waits for the new worker's control socket.</summary>
    public TimeSpan ReadyLimit { get; init; } = TimeSpan.FromSeconds(10);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>One line per host event (start, end, failure); the host's log.</summary>
    public Action<string> Log { get; init; } = _ => { };

    /// <summary>
    /// Called once for every run that ends (with its final record), after the ledger has it; a failing hook is logged
    /// and never affects other runs.
    /// </summary>
    public Func<RunRecord, CancellationToken, Task>? OnRunEnded { get; init; }

    /// <summary>
    /// Called once the host socket answers (every front end that found no host has recorded its run by then), beside
    /// the serving: a failure is logged and ends nothing.
    /// </summary>
    public Func<CancellationToken, Task>? OnServing { get; init; }
}
