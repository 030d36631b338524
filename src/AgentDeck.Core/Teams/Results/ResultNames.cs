namespace AgentDeck.Core.Teams.Results;

/// <summary>The words of <c>agentdeck.result.v1</c>: the schema id, the fence tag and the enum values as written in JSON.</summary>
public static class ResultNames
{
    public const string Schema = "agentdeck.result.v1";
    public const string FenceTag = "agentdeck-result";

    public static IReadOnlyList<string> Severities { get; } = ["critical", "high", "medium", "low", "info"];
    public static IReadOnlyList<string> FindingVerdicts { get; } = ["issue", "ok"];
    public static IReadOnlyList<string> ReviewVerdicts { get; } = ["confirm", "refute", "unsure"];

    public static string ToName(this Severity severity) => Severities[(int)severity];
    public static string ToName(this FindingVerdict verdict) => FindingVerdicts[(int)verdict];
    public static string ToName(this ReviewVerdict verdict) => ReviewVerdicts[(int)verdict];

    public static bool TryParseSeverity(string name, out Severity severity) => TryParse(Severities, name, out severity);
    public static bool TryParseFindingVerdict(string name, out FindingVerdict verdict) => TryParse(FindingVerdicts, name, out verdict);
    public static bool TryParseReviewVerdict(string name, out ReviewVerdict verdict) => TryParse(ReviewVerdicts, name, out verdict);

    private static bool TryParse<T>(IReadOnlyList<string> names, string name, out T value) where T : struct, Enum
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                value = (T)(object)i;
                return true;
            }
        }

        value = default;
        return false;
    }
}
