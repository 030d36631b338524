using AgentDeck.Core.Storage;

namespace AgentDeck.Supervision;

/// <summary>
/// A supervisor's ledger write that another process's transaction kept out past the busy timeout: tried again on the
/// next ingest tick instead of failing the run (what the write records is still in memory and in the raw log).
/// Only after <see cref="Limit"/> of nothing but "locked" does the error stand; the raw log then still holds every
/// line, for <c>agentdeck ledger rebuild</c>.
/// </summary>
internal static class ContendedWrite
{
    public static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="write"/> under <paramref name="ledgerLock"/> until it gets past a locked ledger.</summary>
    /// <param name="nextTry">Waits until the next try (the ingest tick).</param>
    public static async Task<T> WriteAsync<T>(Lock ledgerLock, Func<T> write, Func<Task> nextTry, TimeProvider clock)
    {
        var giveUp = clock.GetUtcNow() + Limit;
        while (true)
        {
            try
            {
                lock (ledgerLock)
                {
                    return write();
                }
            }
            catch (LedgerException error) when (error.Problem == LedgerProblem.Locked && clock.GetUtcNow() < giveUp)
            {
            }

            await nextTry().ConfigureAwait(false);
        }
    }

    /// <summary>True when the error is a locked ledger: the write can simply be made again later.</summary>
    public static bool IsLocked(Exception error) => error is LedgerException { Problem: LedgerProblem.Locked };
}
