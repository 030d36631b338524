using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Common;

/// <summary>
/// What routing learns from the ledger: the outcome of every finished run that had a model. Runs without a role have
/// an empty role: calibration skips them, but a model they show refused is still learned.
/// </summary>
public static class RunHistory
{
    private const int RunsToLearnFrom = 10_000;

    public static IReadOnlyList<RunOutcomeSample> Samples(IRunLedger ledger) =>
        ledger.ListRuns(new RunQuery
            {
                Limit = RunsToLearnFrom,
                Statuses = [RunStatus.Succeeded, RunStatus.Failed, RunStatus.Interrupted],
            })
            .Where(run => run.Model is not null && AgentKinds.TryParse(run.Agent, out _))
            .Select(run => new RunOutcomeSample(
                run.Role ?? string.Empty,
                AgentKinds.TryParse(run.Agent, out var agent) ? agent : default,
                run.Model!,
                run.Status == RunStatus.Succeeded,
                run.CostUsd,
                run.EndedAt is { } ended ? (long)(ended - run.StartedAt).TotalMilliseconds : 0)
            {
                FailureReason = run.FailureReason,
                RunId = run.Id,
                EndedAt = run.EndedAt,
                DeniedToolCalls = run.DeniedToolCalls,
            })
            .ToList();

    /// <summary>The ledger's samples; none when there is no ledger yet.</summary>
    public static IReadOnlyList<RunOutcomeSample> Samples(CliContext context)
    {
        if (!context.LedgerExists)
        {
            return [];
        }

        // The context owns (and disposes) its ledger.
        return Samples(context.OpenLedger(readOnly: true));
    }

    /// <summary>The models agents refused, as the ledger's latest runs show (none without a ledger).</summary>
    public static RejectedModels Rejections(CliContext context)
    {
        var rejected = new RejectedModels();
        rejected.Learn(Samples(context));
        return rejected;
    }
}
