using System.Text.Json;

namespace AgentDeck.Agents.Drivers.Shared;

/// <summary>Reads what a driver needs from one stdout line without ever throwing on lines that are not JSON objects.</summary>
internal static class JsonProbe
{
    /// <summary>The top-level string member <paramref name="name"/>, scanning without building a document.</summary>
    public static string? TopLevelString(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var matches = reader.ValueTextEquals(name);
                reader.Read();
                if (matches)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The line as a document when it is one complete JSON object; null otherwise.</summary>
    public static JsonDocument? Object(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line);
            var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonElement? Member(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    public static string? StringMember(this JsonElement element, string name) =>
        element.Member(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A JSON-RPC id: a number, or a string holding one.</summary>
    public static long? IdMember(this JsonElement element, string name) => element.Member(name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt64(out var id) => id,
        { ValueKind: JsonValueKind.String } s when long.TryParse(s.GetString(), out var id) => id,
        _ => null,
    };
}
