using System.Text.Json;
using System.Text.Json.Serialization;

namespace AgentDeck.Discovery;

/// <summary>The JSON shape of discovery results for <c>--json</c>: camelCase, enums as strings, indented.</summary>
public static class DiscoveryJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
