using System.Text.Json.Nodes;

namespace AgentDeck.Toml.Tests.Conformance;

/// <summary>Converts a TOML value to toml-test's tagged JSON: scalars become {"type": ..., "value": "..."}.</summary>
public static class TaggedJson
{
    public static JsonNode From(TomlValue value) => value switch
    {
        TomlTable table => new JsonObject(table.Select(entry => KeyValuePair.Create(entry.Key, (JsonNode?)From(entry.Value)))),
        TomlArray array => new JsonArray(array.Select(item => (JsonNode?)From(item)).ToArray()),
        TomlString text => Tag("string", text.Value),
        TomlInteger integer => Tag("integer", integer.ToString()),
        TomlFloat number => Tag("float", number.ToString()),
        TomlBoolean boolean => Tag("bool", boolean.ToString()),
        TomlDateTime dateTime => Tag(DateTimeType(dateTime.DateTimeKind), dateTime.ToString()),
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType().Name, "unknown TOML value type"),
    };

    private static string DateTimeType(TomlDateTimeKind kind) => kind switch
    {
        TomlDateTimeKind.OffsetDateTime => "datetime",
        TomlDateTimeKind.LocalDateTime => "datetime-local",
        TomlDateTimeKind.LocalDate => "date-local",
        TomlDateTimeKind.LocalTime => "time-local",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static JsonObject Tag(string type, string value) => new() { ["type"] = type, ["value"] = value };
}
