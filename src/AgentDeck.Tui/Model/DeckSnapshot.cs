using AgentDeck.Core.Routing;

namespace AgentDeck.Tui.Model;

/// <summary>
/// Everything the screens draw, taken at one moment: the workers (newest first), the clock, which runs are shown,
/// and the optional panels' data. <see cref="Version"/> changes whenever the data does.
/// </summary>
public sealed record DeckSnapshot
{
    public required IReadOnlyList<WorkerView> Workers { get; init; }
    public required DateTimeOffset Now { get; init; }
    public long Version { get; init; }
    public bool ShowingAll { get; init; }
    public string ScopeLabel { get; init; } = "all runs";
    public RoutingPlan? Routing { get; init; }
    public DeckCostGuard CostGuard { get; init; } = DeckCostGuard.Unknown;
    public string? SourceProblem { get; init; }

    public static DeckSnapshot Empty(DateTimeOffset now) => new() { Workers = [], Now = now };
}
