using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// Findings of several members about one thing. <see cref="Support"/> of <see cref="Of"/>: members (and confirming
/// reviewers) behind <see cref="Verdict"/>, out of the team's valid results. <see cref="Path"/> and
/// <see cref="Lines"/> are null for a cluster without a place; <see cref="Lines"/> spans all its findings' lines.
/// <see cref="Id"/> is a short hash of its first finding's run and id, so it is the same every time the same results
/// are synthesized.
/// </summary>
public sealed record FindingCluster(
    string Id,
    ClusterMarker Marker,
    int Support,
    int Of,
    Severity Severity,
    FindingVerdict Verdict,
    string Claim,
    string? Path,
    LineRange? Lines,
    IReadOnlyList<ClusterFinding> Findings,
    IReadOnlyList<ClusterReviewNote> Reviews,
    string? DisputeReason);
