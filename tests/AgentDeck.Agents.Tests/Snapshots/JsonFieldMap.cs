using System.Text.Json;

namespace AgentDeck.Agents.Tests.Snapshots;

/// <summary>Every property of a JSON line with the byte span of its value, so a mutation can splice in new bytes.</summary>
internal static class JsonFieldMap
{
    /// <summary>The line's properties in document order, or none when the line is not a JSON object.</summary>
    public static IReadOnlyList<JsonField> Of(byte[] line)
    {
        var fields = new List<JsonField>();
        var open = new Stack<(string Path, int FieldIndex)>();
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 256 });
        string? pendingName = null;
        var pendingNameStart = 0;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return [];
            }

            open.Push(("", -1));
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = reader.GetString();
                        pendingNameStart = (int)reader.TokenStartIndex;
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        var (_, index) = open.Pop();
                        if (index >= 0)
                        {
                            fields[index] = fields[index] with { ValueEnd = (int)reader.BytesConsumed };
                        }

                        continue;
                }

                var parent = open.Peek().Path;
                var path = pendingName is null ? parent + "[]" : parent.Length == 0 ? pendingName : $"{parent}.{pendingName}";
                var fieldIndex = -1;
                if (pendingName is not null)
                {
                    fieldIndex = fields.Count;
                    fields.Add(new JsonField(path, pendingName, open.Count, pendingNameStart, (int)reader.TokenStartIndex,
                        (int)reader.BytesConsumed, reader.TokenType));
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    open.Push((path, fieldIndex));
                }

                pendingName = null;
            }
        }
        catch (JsonException)
        {
            return [];
        }

        return fields;
    }
}
