using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Common;

/// <summary>What routing learns from the ledger: the outcome of every finished run that had a role and a model.</summary>
public static class RunHistory
{
    private const int RunsToLearnFrom = 10_000;

    public static IReadOnlyList<RunOutcomeSample> Samples(IRunLedger ledger) =>
        ledger.ListRuns(new RunQuery
            {
                Limit = RunsToLearnFrom,
                Statuses = [RunStatus.Succeeded, RunStatus.Failed, RunStatus.Interrupted],
            })
            .Where(run => run.Role is not null && run.Model is not null && AgentKinds.TryParse(run.Agent, out _))
            .Select(run => new RunOutcomeSample(
                run.Role!,
                AgentKinds.TryParse(run.Agent, out var agent) ? agent : default,
                run.Model!,
                run.Status == RunStatus.Succeeded,
                run.CostUsd,
                run.EndedAt is { } ended ? (long)(ended - run.StartedAt).TotalMilliseconds : 0))
            .ToList();
}
