namespace AgentDeck.Core.Processes;

/// <summary>
/// Stops a child the way a person would and leaves nothing behind: a gentle first step (the agent's own interrupt, or
/// SIGINT), then SIGTERM, then SIGKILL, each escalation after the grace period. When the child owns its process group
/// every signal goes to the whole group, and escalation goes on while any group member (an orphaned grandchild, say)
/// is still alive. Pure logic over <see cref="IRunningProcess"/>, so it stops fakes in tests as well as real processes.
/// </summary>
public static class ProcessStopper
{
    private static readonly TimeSpan GroupPollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan AfterKillLimit = TimeSpan.FromSeconds(30);

    /// <summary>SIGINT, then SIGTERM, then SIGKILL.</summary>
    public static Task<ProcessExitStatus> StopAsync(
        IRunningProcess process, TimeSpan grace, TimeProvider? clock = null, CancellationToken cancellationToken = default) =>
        StopAsync(process, gentleFirst: null, grace, force: false, clock ?? TimeProvider.System, cancellationToken);

    /// <param name="gentleFirst">The protocol-level interrupt to try first; null means SIGINT is the first step.</param>
    /// <param name="force">Skip the gentle steps: SIGKILL at once.</param>
    public static async Task<ProcessExitStatus> StopAsync(
        IRunningProcess process, Func<Task>? gentleFirst, TimeSpan grace, bool force, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(process);
        var group = process.OwnsProcessGroup;
        if (!force)
        {
            if (!process.HasLiveGroupMembers)
            {
                return await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }

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
