using System.Text.Json;

namespace AgentDeck.Discovery.Json;

/// <summary>Reads JSON the user owns: comments and trailing commas tolerated, errors turned into located warnings.</summary>
internal static class JsonFiles
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The root element, or null with a warning when the file cannot be read or parsed.</summary>
    public static JsonElement? TryReadFile(string path, ICollection<DiscoveryWarning> warnings)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            warnings.Add(DiscoveryWarning.About(path, $"cannot read the file: {exception.Message}"));
            return null;
        }

        return TryParse(text, path, warnings);
    }

    public static JsonElement? TryParse(string text, string source, ICollection<DiscoveryWarning> warnings)
    {
        try
        {
            using var document = JsonDocument.Parse(text, Options);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            var line = exception.LineNumber is { } zeroBasedLine ? (int)zeroBasedLine + 1 : (int?)null;
            var column = exception.BytePositionInLine is { } zeroBasedColumn ? (int)zeroBasedColumn + 1 : (int?)null;
            warnings.Add(new DiscoveryWarning(source, line, column, $"invalid JSON: {FirstSentence(exception.Message)}"));
            return null;
        }
    }

    public static string? String(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement? Object(this JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    /// <summary>String-valued members of an object (numbers and booleans as their JSON text); others are skipped.</summary>
    public static Dictionary<string, string> StringMap(this JsonElement? element)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element is not { ValueKind: JsonValueKind.Object } obj)
        {
            return map;
        }

        foreach (var property in obj.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                _ => null,
            };
            if (text is not null)
            {
                map[property.Name] = text;
            }
        }

        return map;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).Trim();
    }
}
