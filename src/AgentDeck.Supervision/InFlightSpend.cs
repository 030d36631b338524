using System.Collections.Concurrent;

namespace AgentDeck.Supervision;

/// <summary>
/// The estimated cost of every turn in flight among the workers of one process (the supervisor host), so the global
/// budget counts what the other workers are spending right now, not only what the ledger holds from ended turns.
/// </summary>
public sealed class InFlightSpend
{
    private readonly ConcurrentDictionary<string, decimal> _byRun = new(StringComparer.Ordinal);

    /// <summary>The run's turn in flight is estimated at <paramref name="usd"/> (zero: nothing in flight).</summary>
    public void Set(string runId, decimal usd)
    {
        if (usd > 0)
        {
            _byRun[runId] = usd;
        }
        else
        {
            _byRun.TryRemove(runId, out _);
        }
    }

    public void Clear(string runId) => _byRun.TryRemove(runId, out _);

    /// <summary>The sum over every run but <paramref name="runId"/>.</summary>
    public decimal OthersThan(string runId)
    {
        var sum = 0m;
        foreach (var (run, usd) in _byRun)
        {
            if (!string.Equals(run, runId, StringComparison.Ordinal))
            {
                sum += usd;
            }
        }

        return sum;
    }
}
