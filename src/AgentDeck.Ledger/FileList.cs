using System.Buffers;
using System.Text.Json;

namespace AgentDeck.Ledger;

/// <summary>The <c>files_touched</c> column: a JSON array of paths, written and read without reflection.</summary>
internal static class FileList
{
    public static string ToJson(IReadOnlyCollection<string> files)
    {
        if (files.Count == 0)
        {
            return "[]";
        }

        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var file in files)
            {
                writer.WriteStringValue(file);
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<string> FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json) || json == "[]")
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return document.RootElement.EnumerateArray()
                .Where(item => item.ValueKind == JsonValueKind.String)
                .Select(item => item.GetString()!)
                .ToArray();
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
