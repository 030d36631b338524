using System.Globalization;
using System.Text.Json;

namespace AgentDeck.Core.Teams.Results;

/// <summary>
/// Reads one <c>findings</c> entry. A bad field becomes a problem and a safe stand-in (id <c>f&lt;n&gt;</c>, verdict
/// issue, severity medium: neither buried nor promoted, confidence 0.5), and the problems are also kept on the
/// finding as its warnings, so it is still shown.
/// </summary>
internal static class FindingReader
{
    public static Finding? Read(JsonFields fields, JsonElement element, string path, int index)
    {
        if (!fields.IsObject(element, path))
        {
            return null;
        }

        var firstProblem = fields.Problems.Count;
        var given = fields.String(element, "id", path, required: true);
        var id = string.IsNullOrWhiteSpace(given) ? "f" + (index + 1).ToString(CultureInfo.InvariantCulture) : given;
        var claim = fields.String(element, "claim", path, required: true) ?? "";
        if (given is not null && given.Trim().Length == 0)
        {
            fields.Error(JsonFields.Join(path, "id"), "is empty; give each finding a unique id such as f1");
        }

        if (claim.Length == 0 && element.TryGetProperty("claim", out var claimValue) && claimValue.ValueKind == JsonValueKind.String)
        {
            fields.Error(JsonFields.Join(path, "claim"), "is empty; say in one sentence what is wrong or fine, naming the code");
        }
        var verdict = Enum(fields, element, "verdict", path, ResultNames.FindingVerdicts, ResultNames.TryParseFindingVerdict, FindingVerdict.Issue);
        var severity = Enum(fields, element, "severity", path, ResultNames.Severities, ResultNames.TryParseSeverity, Severity.Medium);
        var confidence = Confidence(fields, element, path);
        var evidence = new List<Evidence>();
        var items = fields.Array(element, "evidence", path, required: false);
        for (var i = 0; i < items.Count; i++)
        {
            if (EvidenceReader.Read(fields, items[i], JsonFields.Index(JsonFields.Join(path, "evidence"), i)) is { } entry)
            {
                evidence.Add(entry);
            }
        }

        var warnings = fields.Problems.Skip(firstProblem).Select(p => p.ToString()).ToList();
        return new Finding(id, claim, verdict, severity, confidence, evidence, warnings);
    }

    private delegate bool Parser<T>(string name, out T value);

    private static T Enum<T>(JsonFields fields, JsonElement element, string name, string path, IReadOnlyList<string> names, Parser<T> parse, T fallback)
    {
        var text = fields.String(element, name, path, required: true);
        if (text is null)
        {
            return fallback;
        }

        if (parse(text, out var value))
        {
            return value;
        }

        fields.Error(JsonFields.Join(path, name), $"\"{JsonFields.Shorten(text)}\" is not one of {string.Join(", ", names)}");
        return fallback;
    }

    private static double Confidence(JsonFields fields, JsonElement element, string path)
    {
        var number = fields.Number(element, "confidence", path);
        if (number is not { } value)
        {
            return 0.5;
        }

        if (value is >= 0 and <= 1)
        {
            return value;
        }

        fields.Error(JsonFields.Join(path, "confidence"), $"{value.ToString(CultureInfo.InvariantCulture)} is outside 0..1");
        return Math.Clamp(value, 0, 1);
    }
}
