using AgentDeck.Core.Runs;
using AgentDeck.Discovery.Bench;

namespace AgentDeck.Cli.Commands.BenchModel;

/// <summary>One task's run as recorded, and what AgentDeck's own check said (null when the run itself failed first).</summary>
public sealed record BenchOutcome(BenchTask Task, RunRecord Run, BenchCheckResult? Check)
{
    public bool Passed => Run.Status == RunStatus.Succeeded && Check is { Passed: true };
}
