using AgentDeck.Core.Processes;

namespace AgentDeck.Supervision;

/// <summary>
/// Ends a worker without leaving anything behind: the driver's interrupt (or SIGINT), then SIGTERM to the whole process
/// group, then SIGKILL, each after the grace period; escalation goes on while any group member lives. The same
/// algorithm as AgentDeck.Processes' ProcessStopper, rewritten against <see cref="IRunningProcess"/> because
/// Supervision may not reference that assembly, and extended with the protocol-level interrupt and a forced kill.
/// </summary>
public static class WorkerStopper
{
    private static readonly TimeSpan GroupPollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan AfterKillLimit = TimeSpan.FromSeconds(30);

    /// <param name="gentleFirst">Sends the protocol interrupt and closes stdin; null means SIGINT is the first step.</param>
    public static async Task<ProcessExitStatus> StopAsync(
        IRunningProcess process, Func<Task>? gentleFirst, TimeSpan grace, bool force, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(process);
        var group = process.OwnsProcessGroup;
        if (!force)
        {
            if (gentleFirst is not null)
            {
                await gentleFirst().ConfigureAwait(false);
            }
            else
            {
                await process.SignalAsync(ProcessSignal.Interrupt, group).ConfigureAwait(false);
            }

            if (await WaitUntilGoneAsync(process, grace, clock, cancellationToken).ConfigureAwait(false))
            {
                return await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }

            await process.SignalAsync(ProcessSignal.Terminate, group).ConfigureAwait(false);
            if (await WaitUntilGoneAsync(process, grace, clock, cancellationToken).ConfigureAwait(false))
            {
                return await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await process.SignalAsync(ProcessSignal.Kill, group).ConfigureAwait(false);
        await WaitUntilGoneAsync(process, AfterKillLimit, clock, cancellationToken).ConfigureAwait(false);
        return await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the child and its group are gone within the limit.</summary>
    private static async Task<bool> WaitUntilGoneAsync(IRunningProcess process, TimeSpan limit, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var expiry = new CancellationTokenSource(limit, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(expiry.Token, cancellationToken);
        try
        {
            await process.WaitForExitAsync(either.Token).ConfigureAwait(false);
            while (process.HasLiveGroupMembers)
            {
                await Task.Delay(GroupPollInterval, clock, either.Token).ConfigureAwait(false);
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
