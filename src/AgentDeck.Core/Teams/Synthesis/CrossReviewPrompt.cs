using System.Globalization;
using System.Text;
using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// The message that starts a cross-review round: the reviewer instructions (<c>Teams/Data/review-instructions.md</c>)
/// with the clusters to check filled in, one block per cluster with its id, standing, place and every member's claim.
/// </summary>
public static class CrossReviewPrompt
{
    public static string Build(TeamSynthesis synthesis)
    {
        var clusters = new StringBuilder();
        foreach (var cluster in synthesis.Clusters)
        {
            var place = cluster.Path is null ? "no single place" : cluster.Lines is { } lines ? $"{cluster.Path}:{lines}" : cluster.Path;
            clusters.Append(CultureInfo.InvariantCulture, $"- {cluster.Id} [{cluster.Marker.ToName()} {cluster.Support}/{cluster.Of}, {cluster.Severity.ToName()}] {place}\n");
            foreach (var finding in cluster.Findings)
            {
                clusters.Append(CultureInfo.InvariantCulture, $"  - {finding.Role} ({finding.Verdict.ToName()}, confidence {finding.Confidence:0.##}): {JsonFields.OneLine(finding.Claim)}\n");
            }
        }

        return TeamResources.ReviewInstructions.Replace("{clusters}", clusters.ToString().TrimEnd('\n'), StringComparison.Ordinal);
    }
}
