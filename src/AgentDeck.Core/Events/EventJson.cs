using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace AgentDeck.Core.Events;

/// <summary>The one way events become JSON and back (ledger payloads, <c>agentdeck parse</c> output).</summary>
public static class EventJson
{
    /// <summary>Snake-case names and enum values, and no needless escaping, so payloads read well in a terminal.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static readonly JsonTypeInfo<AgentEvent> EventType = (JsonTypeInfo<AgentEvent>)Options.GetTypeInfo(typeof(AgentEvent));

    public static string Serialize(AgentEvent value) => JsonSerializer.Serialize(value, EventType);

    public static byte[] SerializeToUtf8(AgentEvent value) => JsonSerializer.SerializeToUtf8Bytes(value, EventType);

    /// <summary>Reads a payload written by <see cref="Serialize(AgentEvent)"/>; returns null when it is not one.</summary>
    public static AgentEvent? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, EventType);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(EventJsonContext.Default.Options)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = EventJsonContext.Default,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly();
        return options;
    }
}
