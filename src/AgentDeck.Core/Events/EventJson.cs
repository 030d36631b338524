using System.Text.Json;

namespace AgentDeck.Core.Events;

/// <summary>The one way events become JSON and back (ledger payloads, <c>agentdeck parse</c> output).</summary>
public static class EventJson
{
    public static string Serialize(AgentEvent value) => JsonSerializer.Serialize(value, EventJsonContext.Default.AgentEvent);

    public static byte[] SerializeToUtf8(AgentEvent value) =>
        JsonSerializer.SerializeToUtf8Bytes(value, EventJsonContext.Default.AgentEvent);

    public static void Serialize(Utf8JsonWriter writer, AgentEvent value) =>
        JsonSerializer.Serialize(writer, value, EventJsonContext.Default.AgentEvent);

    /// <summary>Reads a payload written by <see cref="Serialize(AgentEvent)"/>; returns null when it is not one.</summary>
    public static AgentEvent? Deserialize(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, EventJsonContext.Default.AgentEvent);
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
}
