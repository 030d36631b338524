using AgentDeck.Core.Processes;

namespace AgentDeck.Processes;

/// <summary>
/// Stops a child the way a person would: interrupt (Ctrl-C) first, then SIGTERM, then SIGKILL, each escalation after
/// the grace period. When the child owns its group every signal goes to the whole group, and escalation continues
/// while any group member (an orphaned grandchild, say) is still alive, so nothing is left behind.
/// </summary>
public static class ProcessStopper
{
    private static readonly TimeSpan GroupPollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan AfterKillLimit = TimeSpan.FromSeconds(30);

    public static async Task<ProcessExitStatus> StopAsync(
        IRunningProcess process, TimeSpan grace, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        clock ??= TimeProvider.System;
        var group = process.OwnsProcessGroup;

        foreach (var signal in new[] { ProcessSignal.Interrupt, ProcessSignal.Terminate })
        {
            if (!process.HasLiveGroupMembers)
            {
                return await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            }

            await process.SignalAsync(signal, group).ConfigureAwait(false);
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
