using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;
using AgentDeck.Discovery.Bench;

namespace AgentDeck.Cli.Commands.BenchModel;

/// <summary>
/// Runs a task set through one profile, one task at a time, each in its own scratch repo, and records every run in
/// the ledger with its role, model and profile so calibration learns from it. A run the agent ended as a success but
/// whose check fails is recorded as failed (<c>check_failed</c>): calibration must count what was really achieved.
/// </summary>
public sealed class BenchSession(
    IRunLedger ledger,
    IBenchWorkers workers,
    BenchScratchRepos repos,
    Func<BenchTask, string, string, WorkerLaunch> launchFor,
    TimeProvider? clock = null)
{
    public const string NoticeSource = "bench";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>Runs every task; <paramref name="progress"/> hears each outcome as it comes.</summary>
    public async Task<IReadOnlyList<BenchOutcome>> RunAsync(BenchTarget target, BenchTaskSet set, Action<BenchOutcome>? progress, CancellationToken cancellationToken)
    {
        var outcomes = new List<BenchOutcome>();
        foreach (var task in set.Tasks)
        {
            var cwd = await repos.CreateAsync(task, cancellationToken).ConfigureAwait(false);
            var newRun = new NewRun(target.Agent.ToName())
            {
                Role = task.Role,
                Model = target.Model,
                Profile = target.Profile,
                Cwd = cwd,
                Prompt = task.Prompt,
                Status = RunStatus.Starting,
            };
            var run = workers.Start(newRun, id => launchFor(task, cwd, id));
            var outcome = Judge(task, cwd, await workers.WaitAsync(run, cancellationToken).ConfigureAwait(false));
            outcomes.Add(outcome);
            progress?.Invoke(outcome);
        }

        return outcomes;
    }

    private BenchOutcome Judge(BenchTask task, string cwd, RunRecord final)
    {
        if (final.Status != RunStatus.Succeeded)
        {
            return new BenchOutcome(task, final, null);
        }

        var check = task.Check.Evaluate(cwd, final.FinalText);
        if (check.Passed)
        {
            return new BenchOutcome(task, final, check);
        }

        ledger.AppendEvents(final.Id, [new EventToAppend(new Notice("error", $"bench check failed: {check.Detail}", NoticeSource), RunStream.Stdout, 0, _clock.GetUtcNow())]);
        var failed = ledger.UpdateRun(final.Id, new RunUpdate { Status = RunStatus.Failed, FailureReason = FailureReasons.CheckFailed });
        return new BenchOutcome(task, failed, check);
    }
}
