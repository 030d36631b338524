using System.Text.Json.Serialization;

namespace AgentDeck.Core.Events;

/// <summary>Source-generated JSON for events: the ingest hot path serializes every event, so no reflection.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(AgentEvent))]
[JsonSerializable(typeof(TokenUsage))]
public sealed partial class EventJsonContext : JsonSerializerContext;
