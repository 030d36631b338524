using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// A synthesis as one JSON object, the shape front ends print with <c>--json</c>:
/// <c>{"goal":{...},"valid_runs":[...],"invalid_runs":[...],"clusters":[{"id","marker","support","of","severity",
/// "verdict","claim","path","lines","findings":[{"run","role","id","claim","verdict","severity","confidence"}],
/// "reviews":[...],"dispute_reason"}],"unmatched_reviews":[...]}</c>. Absent places are null, never left out.
/// </summary>
public static class TeamSynthesisJson
{
    public static string Write(TeamSynthesis synthesis, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartObject("goal");
            json.WriteString("marker", synthesis.Goal.Marker.ToName());
            WriteNullable(json, "goal_met", synthesis.Goal.GoalMet);
            json.WriteNumber("met", synthesis.Goal.Met);
            json.WriteNumber("not_met", synthesis.Goal.NotMet);
            json.WriteEndObject();
            WriteStrings(json, "valid_runs", synthesis.ValidRuns);
            WriteStrings(json, "invalid_runs", synthesis.InvalidRuns);
            json.WriteStartArray("clusters");
            foreach (var cluster in synthesis.Clusters)
            {
                WriteCluster(json, cluster);
            }

            json.WriteEndArray();
            WriteReviews(json, "unmatched_reviews", synthesis.UnmatchedReviews);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCluster(Utf8JsonWriter json, FindingCluster cluster)
    {
        json.WriteStartObject();
        json.WriteString("id", cluster.Id);
        json.WriteString("marker", cluster.Marker.ToName());
        json.WriteNumber("support", cluster.Support);
        json.WriteNumber("of", cluster.Of);
        json.WriteString("severity", cluster.Severity.ToName());
        json.WriteString("verdict", cluster.Verdict.ToName());
        json.WriteString("claim", cluster.Claim);
        json.WriteString("path", cluster.Path);
        json.WriteString("lines", cluster.Lines?.ToString());
        json.WriteStartArray("findings");
        foreach (var finding in cluster.Findings)
        {
            json.WriteStartObject();
            json.WriteString("run", finding.Run);
            json.WriteString("role", finding.Role);
            json.WriteString("id", finding.FindingId);
            json.WriteString("claim", finding.Claim);
            json.WriteString("verdict", finding.Verdict.ToName());
            json.WriteString("severity", finding.Severity.ToName());
            json.WriteNumber("confidence", finding.Confidence);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        WriteReviews(json, "reviews", cluster.Reviews);
        json.WriteString("dispute_reason", cluster.DisputeReason);
        json.WriteEndObject();
    }

    private static void WriteReviews(Utf8JsonWriter json, string name, IReadOnlyList<ClusterReviewNote> reviews)
    {
        json.WriteStartArray(name);
        foreach (var review in reviews)
        {
            json.WriteStartObject();
            json.WriteString("run", review.Run);
            json.WriteString("role", review.Role);
            json.WriteString("cluster", review.Cluster);
            json.WriteString("verdict", review.Verdict.ToName());
            json.WriteString("reason", review.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, bool? value)
    {
        if (value is { } known)
        {
            json.WriteBoolean(name, known);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
