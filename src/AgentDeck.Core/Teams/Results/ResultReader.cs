using System.Text.Json;

namespace AgentDeck.Core.Teams.Results;

/// <summary>
/// Reads and validates the <c>agentdeck-result</c> block of a final answer. Never throws on what an agent wrote:
/// every problem is listed with its JSON path, worded to be sent back in a repair turn, and whatever could be read
/// is kept.
/// </summary>
public static class ResultReader
{
    public static ResultReading Read(string finalAnswer, ResultKind kind = ResultKind.Member)
    {
        if (ResultBlockFinder.Find(finalAnswer) is not { } block)
        {
            return Failed($"no ```{ResultNames.FenceTag} block found; end your final answer with one holding the JSON result");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(block, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : "";
            return Failed($"the {ResultNames.FenceTag} block is not valid JSON{where}: {FirstSentence(e.Message)}");
        }

        using (document)
        {
            return ReadRoot(document.RootElement, kind);
        }
    }

    private static ResultReading ReadRoot(JsonElement root, ResultKind kind)
    {
        var fields = new JsonFields([]);
        if (root.ValueKind != JsonValueKind.Object)
        {
            fields.Error("", $"the block is {JsonFields.Describe(root)}; expected one JSON object");
            return new ResultReading(null, fields.Problems);
        }

        var schema = fields.String(root, "schema", "", required: true);
        if (schema is not null && schema != ResultNames.Schema)
        {
            fields.Error("schema", $"\"{JsonFields.Shorten(schema)}\" is not \"{ResultNames.Schema}\"");
        }

        var goalMet = fields.Bool(root, "goal_met", "");
        var summary = fields.String(root, "summary", "", required: true) ?? "";
        var findings = ReadFindings(fields, root);
        var followups = ReadFollowups(fields, root);
        var reviews = ReadReviews(fields, root, required: kind == ResultKind.Reviewer);
        var result = new MemberResult(goalMet ?? false, summary, findings, followups, reviews);
        return new ResultReading(result, fields.Problems);
    }

    private static List<Finding> ReadFindings(JsonFields fields, JsonElement root)
    {
        var findings = new List<Finding>();
        var items = fields.Array(root, "findings", "", required: true);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var path = JsonFields.Index("findings", i);
            if (FindingReader.Read(fields, items[i], path, i) is not { } finding)
            {
                continue;
            }

            if (!seen.Add(finding.Id))
            {
                fields.Error(JsonFields.Join(path, "id"), $"\"{JsonFields.Shorten(finding.Id)}\" is used by an earlier finding; ids must be unique");
                finding = finding with { Warnings = [.. finding.Warnings, fields.Problems[^1].ToString()] };
            }

            findings.Add(finding);
        }

        return findings;
    }

    private static List<string> ReadFollowups(JsonFields fields, JsonElement root)
    {
        var followups = new List<string>();
        var items = fields.Array(root, "followups", "", required: false);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].ValueKind == JsonValueKind.String)
            {
                followups.Add(items[i].GetString()!);
            }
            else
            {
                fields.Error(JsonFields.Index("followups", i), $"is {JsonFields.Describe(items[i])}; expected a string");
            }
        }

        return followups;
    }

    private static List<ClusterReview> ReadReviews(JsonFields fields, JsonElement root, bool required)
    {
        var reviews = new List<ClusterReview>();
        var items = fields.Array(root, "reviews", "", required);
        for (var i = 0; i < items.Count; i++)
        {
            var path = JsonFields.Index("reviews", i);
            if (!fields.IsObject(items[i], path))
            {
                continue;
            }

            var cluster = fields.String(items[i], "cluster", path, required: true);
            var verdictText = fields.String(items[i], "verdict", path, required: true);
            var reason = fields.String(items[i], "reason", path, required: true) ?? "";
            if (verdictText is not null && !ResultNames.TryParseReviewVerdict(verdictText, out _))
            {
                fields.Error(JsonFields.Join(path, "verdict"), $"\"{JsonFields.Shorten(verdictText)}\" is not one of {string.Join(", ", ResultNames.ReviewVerdicts)}");
            }

            if (cluster is not null && verdictText is not null && ResultNames.TryParseReviewVerdict(verdictText, out var verdict))
            {
                reviews.Add(new ClusterReview(cluster, verdict, reason));
            }
        }

        return reviews;
    }

    private static ResultReading Failed(string problem) => new(null, [new ResultProblem("", problem)]);

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return JsonFields.OneLine(cut >= 0 ? message[..cut] : message);
    }
}
