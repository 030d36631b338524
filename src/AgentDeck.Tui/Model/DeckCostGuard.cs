using AgentDeck.Core.Cost;

namespace AgentDeck.Tui.Model;

/// <summary>
/// The cost guard as the Cost panel shows it: the <c>[limits]</c> the supervisors enforce, today's spend over every
/// run in the ledger (not only the runs on screen), worker slots in use and queued, and each live worker's spend from
/// its supervisor. Null <see cref="Limits"/>: the config could not be read (<see cref="Problem"/> says why).
/// </summary>
public sealed record DeckCostGuard
{
    /// <summary>Nothing read yet: the panel says so instead of showing made-up limits.</summary>
    public static DeckCostGuard Unknown { get; } = new() { Problem = "cost guard not read yet" };

    public CostGuardSettings? Limits { get; init; }
    public string? Problem { get; init; }
    public DaySpend Today { get; init; } = DaySpend.None;
    public int Active { get; init; }
    public int Queued { get; init; }

    /// <summary>By run id: what each live worker's supervisor answered (workers that did not answer are missing).</summary>
    public IReadOnlyDictionary<string, WorkerSpend> Live { get; init; } = new Dictionary<string, WorkerSpend>();

    /// <summary>Today's spend as the global budget counts it: the ledger's figure plus every turn in flight.</summary>
    public decimal TodayWithInFlightUsd => Today.Usd + Live.Values.Sum(s => s.InFlightUsd ?? 0);
}
