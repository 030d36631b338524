using System.Globalization;
using AgentDeck.Core.Cost;

namespace AgentDeck.Core.Routing;

/// <summary>
/// Chooses an agent, model and profile for each role among the candidates this machine offers. Policy applies first
/// (forbidden and rejected models out, pins narrow the field, the cost cap drops what is expected to cost more), then
/// the best score wins; ties go to the cheaper known cost, then to the name, so a plan is reproducible.
/// </summary>
public sealed class RoutePlanner
{
    private readonly RoutingPolicy policy;
    private readonly RejectedModels rejected;
    private readonly ModelScorer scorer;

    public RoutePlanner(IPriceBook prices, IReadOnlyList<ModelTraits> traits, RoutingPolicy policy, Calibration calibration, RejectedModels rejected)
    {
        this.policy = policy;
        this.rejected = rejected;
        scorer = new ModelScorer(prices, traits, calibration, policy);
    }

    public RoutingPlan Plan(IReadOnlyList<RoleDefinition> roles, IReadOnlyList<RoutingCandidate> candidates) =>
        new(roles.Select(role => Route(role, candidates)).ToList());

    public RouteDecision Route(RoleDefinition role, IReadOnlyList<RoutingCandidate> candidates)
    {
        var rolePolicy = policy.For(role.Name);
        var skips = new SkipTally(rolePolicy.MaxCostUsd);
        var allowed = candidates.Where(candidate => IsAllowed(candidate, rolePolicy, skips)).ToList();
        var pinned = allowed.Where(candidate => MatchesPin(candidate, rolePolicy)).ToList();
        var scored = pinned.Select(candidate => (Candidate: candidate, Score: scorer.Score(role, candidate))).ToList();
        var affordable = scored.Where(entry => !IsOverCap(entry.Score, rolePolicy, skips)).ToList();
        var fallback = FindFallback(role, rolePolicy, candidates);

        if (affordable.Count == 0)
        {
            var why = candidates.Count == 0 ? "no agent with a usable model was found"
                : pinned.Count == 0 && HasPin(rolePolicy) && RejectedPin(rolePolicy, candidates) is { } refusal ? $"{PinText(rolePolicy)} is not usable: {refusal}"
                : pinned.Count == 0 && HasPin(rolePolicy) ? $"{PinText(rolePolicy)} is not offered by any available profile"
                : $"every candidate was excluded ({skips.Describe()})";
            return new RouteDecision(role.Name, role.Permission, null, null, 0, $"no route: {why}", fallback);
        }

        var best = affordable
            .OrderByDescending(entry => entry.Score.Value)
            .ThenBy(entry => entry.Score.ExpectedCostUsd ?? decimal.MaxValue)
            .ThenBy(entry => entry.Candidate.ToString(), StringComparer.Ordinal)
            .First();
        var reason = Explain(role, rolePolicy, best.Score, affordable.Count, skips, fallback);
        return new RouteDecision(role.Name, role.Permission, best.Candidate, best.Score.ExpectedCostUsd, best.Score.Value, reason, fallback);
    }

    private bool IsAllowed(RoutingCandidate candidate, RolePolicy rolePolicy, SkipTally skips)
    {
        if (policy.ForbiddenModels.Concat(rolePolicy.Forbidden).Any(model => SameModel(model, candidate.Model)))
        {
            skips.Forbidden++;
            return false;
        }

        if (rejected.IsRejected(candidate.Agent, candidate.Model, out var why))
        {
            skips.Rejected.Add(why);
            return false;
        }

        return true;
    }

    private string? RejectedPin(RolePolicy rolePolicy, IReadOnlyList<RoutingCandidate> candidates)
    {
        foreach (var candidate in candidates.Where(candidate => MatchesPin(candidate, rolePolicy)))
        {
            if (rejected.IsRejected(candidate.Agent, candidate.Model, out var why))
            {
                return why;
            }
        }

        return null;
    }

    private static bool MatchesPin(RoutingCandidate candidate, RolePolicy rolePolicy) =>
        (rolePolicy.PinnedModel is null || SameModel(rolePolicy.PinnedModel, candidate.Model))
        && (rolePolicy.PinnedProfile is null || string.Equals(rolePolicy.PinnedProfile, candidate.Profile, StringComparison.OrdinalIgnoreCase));

    private static bool IsOverCap(ModelScore score, RolePolicy rolePolicy, SkipTally skips)
    {
        // An unknown cost cannot be shown to break the cap; the reason line says "cost unknown" instead.
        var over = rolePolicy.MaxCostUsd is { } cap && score.ExpectedCostUsd is { } cost && cost > cap;
        if (over)
        {
            skips.OverCap++;
        }

        return over;
    }

    private RoutingCandidate? FindFallback(RoleDefinition role, RolePolicy rolePolicy, IReadOnlyList<RoutingCandidate> candidates)
    {
        if (rolePolicy.FallbackProfile is null)
        {
            return null;
        }

        // Escalation deliberately ignores pins and the cost cap: it exists to spend more when the cheap route failed.
        return candidates
            .Where(candidate => string.Equals(candidate.Profile, rolePolicy.FallbackProfile, StringComparison.OrdinalIgnoreCase))
            .Where(candidate => IsAllowed(candidate, new RolePolicy(role.Name, ForbiddenModels: rolePolicy.Forbidden), new SkipTally(null)))
            .OrderByDescending(candidate => scorer.Score(role, candidate).Value)
            .ThenBy(candidate => candidate.ToString(), StringComparer.Ordinal)
            .FirstOrDefault();
    }

    private string Explain(RoleDefinition role, RolePolicy rolePolicy, ModelScore score, int fieldSize, SkipTally skips, RoutingCandidate? fallback)
    {
        var parts = new List<string>
        {
            HasPin(rolePolicy) ? PinLead(rolePolicy) : $"best of {fieldSize} for {role.Name}",
            Evidence(role, score),
            score.ExpectedCostUsd is { } cost ? $"~${cost.ToString("0.00##", CultureInfo.InvariantCulture)}/run" : "cost unknown",
        };
        if (skips.Any)
        {
            parts.Add($"skipped {skips.Describe()}");
        }

        if (rolePolicy.FallbackProfile is not null)
        {
            parts.Add(fallback is null ? $"fallback profile {rolePolicy.FallbackProfile} not available" : $"on failure → {fallback}");
        }

        return string.Join("; ", parts);
    }

    private string Evidence(RoleDefinition role, ModelScore score)
    {
        var fit = score.HasTraits ? $"trait fit {Percent(score.TraitFit)}{StrongestTraits(role, score)}" : "no trait data (neutral fit)";
        if (score.Calibrated)
        {
            return $"{score.History!.Runs} past runs, {Percent(score.History.SuccessRate)} succeeded; {fit}";
        }

        return score.History is null ? fit : $"{fit} ({score.History.Runs} past runs, fewer than {policy.MinCalibrationRuns}: not yet trusted)";
    }

    private string StrongestTraits(RoleDefinition role, ModelScore score)
    {
        var top = role.TraitWeights.Where(pair => pair.Value > 0).OrderByDescending(pair => pair.Value).Take(2).ToList();
        return top.Count == 0 ? string.Empty : $" ({string.Join(", ", top.Select(pair => pair.Key == ModelTrait.ToolUse ? "tool use" : pair.Key.ToString().ToLowerInvariant()))})";
    }

    private static string Percent(double value) => (value * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static bool HasPin(RolePolicy rolePolicy) => rolePolicy.PinnedModel is not null || rolePolicy.PinnedProfile is not null;

    private static string PinText(RolePolicy rolePolicy) =>
        rolePolicy.PinnedModel is not null ? $"pinned model {rolePolicy.PinnedModel}" : $"pinned profile {rolePolicy.PinnedProfile}";

    private static string PinLead(RolePolicy rolePolicy) =>
        rolePolicy.PinnedModel is not null ? $"pinned to {rolePolicy.PinnedModel}" : $"pinned to profile {rolePolicy.PinnedProfile}";

    private static bool SameModel(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private sealed class SkipTally(decimal? cap)
    {
        public int Forbidden { get; set; }

        public List<string> Rejected { get; } = [];

        public int OverCap { get; set; }

        public bool Any => Forbidden + Rejected.Count + OverCap > 0;

        public string Describe()
        {
            var parts = new List<string>();
            if (Forbidden > 0) parts.Add($"{Forbidden} forbidden");
            if (Rejected.Count > 0) parts.Add($"{Rejected.Count} rejected by the agent ({string.Join(", ", Rejected)})");
            if (OverCap > 0) parts.Add($"{OverCap} over the ${cap?.ToString("0.00##", CultureInfo.InvariantCulture)} cap");
            return parts.Count == 0 ? "nothing matched" : string.Join(", ", parts);
        }
    }
}
