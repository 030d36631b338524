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
        var verdicts = new Dictionary<RoutingCandidate, CandidateVerdict>();
        var allowed = candidates.Where(candidate => Admit(candidate, rolePolicy, skips, verdicts)).ToList();
        var pinned = allowed.Where(candidate => MatchesPin(candidate, rolePolicy) || Leave(candidate, $"not the {PinText(rolePolicy)}", verdicts)).ToList();
        var scored = pinned.Select(candidate => (Candidate: candidate, Score: scorer.Score(role, candidate))).ToList();
        var affordable = scored.Where(entry => !IsOverCap(entry.Score, rolePolicy, skips) || Leave(entry.Candidate, OverCapText(entry.Score, rolePolicy), verdicts)).ToList();
        var fallback = FindFallback(role, rolePolicy, candidates);

        if (affordable.Count == 0)
        {
            var why = candidates.Count == 0 ? "no agent with a usable model was found"
                : pinned.Count == 0 && HasPin(rolePolicy) && RejectedPin(rolePolicy, candidates) is { } refusal ? $"{PinText(rolePolicy)} is not usable: {refusal}"
                : pinned.Count == 0 && HasPin(rolePolicy) ? $"{PinText(rolePolicy)} is not offered by any available profile"
                : $"every candidate was excluded ({skips.Describe()})";
            return new RouteDecision(role.Name, role.Permission, null, null, 0, $"no route: {why}", fallback)
            {
                Considered = InOrder(candidates, verdicts),
            };
        }

        var ranked = affordable
            .OrderByDescending(entry => entry.Score.Value)
            .ThenBy(entry => entry.Score.ExpectedCostUsd ?? decimal.MaxValue)
            .ThenBy(entry => entry.Candidate.ToString(), StringComparer.Ordinal)
            .ToList();
        var best = ranked[0];
        foreach (var (candidate, score) in ranked)
        {
            verdicts[candidate] = new CandidateVerdict(candidate, ScoreText(score), score.Value, candidate == best.Candidate);
        }

        var reason = Explain(role, rolePolicy, best.Score, affordable.Count, skips, fallback, RunnersUp(ranked), best.Candidate.Note);
        return new RouteDecision(role.Name, role.Permission, best.Candidate, best.Score.ExpectedCostUsd, best.Score.Value, reason, fallback)
        {
            Considered = InOrder(candidates, verdicts),
        };
    }

    private bool Admit(RoutingCandidate candidate, RolePolicy rolePolicy, SkipTally skips, Dictionary<RoutingCandidate, CandidateVerdict> verdicts)
    {
        if (Exclusion(candidate, rolePolicy, skips) is not { } why)
        {
            return true;
        }

        verdicts[candidate] = new CandidateVerdict(candidate, why);
        return false;
    }

    private static bool Leave(RoutingCandidate candidate, string why, Dictionary<RoutingCandidate, CandidateVerdict> verdicts)
    {
        verdicts[candidate] = new CandidateVerdict(candidate, why);
        return false;
    }

    private static List<CandidateVerdict> InOrder(IReadOnlyList<RoutingCandidate> candidates, Dictionary<RoutingCandidate, CandidateVerdict> verdicts) =>
        candidates.Where(verdicts.ContainsKey).Select(candidate => verdicts[candidate]).ToList();

    /// <summary>The best candidate of every other agent, so a plan shows why that agent lost (e.g. "no trait data").</summary>
    private static List<string> RunnersUp(List<(RoutingCandidate Candidate, ModelScore Score)> ranked) =>
        ranked.Skip(1)
            .Where(entry => entry.Candidate.Agent != ranked[0].Candidate.Agent)
            .GroupBy(entry => entry.Candidate.Agent)
            .Select(group => group.First())
            .Select(entry => $"best {entry.Candidate.Agent.ToName()}: {entry.Candidate} at {Percent(entry.Score.Value)}{(entry.Score.HasTraits || entry.Score.Calibrated ? "" : " (no trait data: neutral fit)")}")
            .ToList();

    private string ScoreText(ModelScore score) =>
        $"scored {Percent(score.Value)}: " + (score.Calibrated ? $"{score.History!.Runs} past runs, {Percent(score.History.SuccessRate)} succeeded"
            : score.HasTraits ? $"trait fit {Percent(score.TraitFit)}" : "no trait data (neutral fit)");

    private static string OverCapText(ModelScore score, RolePolicy rolePolicy) =>
        $"~${score.ExpectedCostUsd?.ToString("0.00##", CultureInfo.InvariantCulture)}/run is over the ${rolePolicy.MaxCostUsd?.ToString("0.00##", CultureInfo.InvariantCulture)} cap";

    private bool IsAllowed(RoutingCandidate candidate, RolePolicy rolePolicy, SkipTally skips) => Exclusion(candidate, rolePolicy, skips) is null;

    /// <summary>Why policy leaves the candidate out (counted in <paramref name="skips"/>), or null when it may run.</summary>
    private string? Exclusion(RoutingCandidate candidate, RolePolicy rolePolicy, SkipTally skips)
    {
        if (policy.ForbiddenModels.Concat(rolePolicy.Forbidden).Any(model => SameModel(model, candidate.Model)))
        {
            skips.Forbidden++;
            return "forbidden by the routing policy";
        }

        if (rejected.IsRejected(candidate.Agent, candidate.Model, out var why))
        {
            skips.Rejected.Add(why);
            return why;
        }

        return null;
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

    private string Explain(
        RoleDefinition role, RolePolicy rolePolicy, ModelScore score, int fieldSize, SkipTally skips, RoutingCandidate? fallback, List<string> runnersUp, string? note)
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

        parts.AddRange(runnersUp);
        if (note is not null)
        {
            parts.Add(note);
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
}
