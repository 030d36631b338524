using AgentDeck.Core;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;
using AgentDeck.Core.Routing;

namespace AgentDeck.Discovery.Tests.Support;

/// <summary>Small, hand-made traits, prices and roles so routing tests do not depend on the shipped opinions.</summary>
public static class RoutingFixtures
{
    public static readonly TokenUsage MillionEach = new(1_000_000, 0, 0, 1_000_000, 0);

    public static RoleDefinition Review { get; } = new("review", "You review.", RolePermission.ReadOnly,
        new Dictionary<ModelTrait, double> { [ModelTrait.Review] = 1 });

    public static RoleDefinition Implementation { get; } = new("implementation", "You implement.", RolePermission.Write,
        new Dictionary<ModelTrait, double> { [ModelTrait.Code] = 1 });

    /// <summary>deep: strong and dear; fast: weaker and cheap; mid: in between.</summary>
    public static IReadOnlyList<ModelTraits> Traits { get; } =
    [
        Rated("deep-model", review: 9, code: 9),
        Rated("mid-model", review: 7, code: 7),
        Rated("fast-model", review: 5, code: 6),
    ];

    /// <summary>With <see cref="MillionEach"/>-style pricing: deep $20, mid $6, fast $1 per million in + out.</summary>
    public static PriceTable Prices { get; } = new(
    [
        new ModelPrice("deep-model", 5, 15),
        new ModelPrice("mid-model", 1, 5),
        new ModelPrice("fast-model", 0.2m, 0.8m),
    ]);

    public static IReadOnlyList<RoutingCandidate> Candidates { get; } =
    [
        new(AgentKind.Claude, "deep-model", "deep"),
        new(AgentKind.Codex, "mid-model", null),
        new(AgentKind.Claude, "fast-model", "fast"),
    ];

    public static RoutingPolicy Policy(params RolePolicy[] roles) =>
        RoutingPolicy.Default with
        {
            Roles = roles.ToDictionary(role => role.Role, StringComparer.OrdinalIgnoreCase),
            TypicalRunUsage = MillionEach,
        };

    public static RoutePlanner Planner(RoutingPolicy policy, IEnumerable<RunOutcomeSample>? history = null, RejectedModels? rejected = null) =>
        new(Prices, Traits, policy, new Calibration(history ?? []), rejected ?? new RejectedModels());

    public static IEnumerable<RunOutcomeSample> Runs(string role, AgentKind agent, string model, int succeeded, int failed, decimal? cost = 0.5m) =>
        Enumerable.Range(0, succeeded).Select(_ => new RunOutcomeSample(role, agent, model, true, cost, 60_000))
            .Concat(Enumerable.Range(0, failed).Select(_ => new RunOutcomeSample(role, agent, model, false, cost, 90_000)));

    private static ModelTraits Rated(string model, double review, double code) =>
        new(model, null, new Dictionary<ModelTrait, double> { [ModelTrait.Review] = review, [ModelTrait.Code] = code });
}
