using System.Text.Json.Serialization;
using AgentDeck.Core.Workers;
using AgentDeck.Supervision.Control;

namespace AgentDeck.Supervision;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SupervisorRecord))]
[JsonSerializable(typeof(WorkerLaunch))]
[JsonSerializable(typeof(ControlRequest))]
[JsonSerializable(typeof(ControlReply))]
internal sealed partial class SupervisionJsonContext : JsonSerializerContext;
