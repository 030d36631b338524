using System.Text.Json.Serialization;

namespace AgentDeck.Core.Events;

/// <summary>
/// One normalized thing an agent did. Every agent's stream is parsed into this small family, so the ledger,
/// the screens and the cost guard never look at a CLI's own wire format.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(SessionStarted), EventKinds.SessionStarted)]
[JsonDerivedType(typeof(TurnStarted), EventKinds.TurnStarted)]
[JsonDerivedType(typeof(UserMessage), EventKinds.UserMessage)]
[JsonDerivedType(typeof(AssistantText), EventKinds.AssistantText)]
[JsonDerivedType(typeof(Thinking), EventKinds.Thinking)]
[JsonDerivedType(typeof(ToolCallStarted), EventKinds.ToolCallStarted)]
[JsonDerivedType(typeof(ToolCallFinished), EventKinds.ToolCallFinished)]
[JsonDerivedType(typeof(PermissionRequested), EventKinds.PermissionRequested)]
[JsonDerivedType(typeof(PermissionDenied), EventKinds.PermissionDenied)]
[JsonDerivedType(typeof(UsageReported), EventKinds.Usage)]
[JsonDerivedType(typeof(CostReported), EventKinds.Cost)]
[JsonDerivedType(typeof(ApiRetry), EventKinds.ApiRetry)]
[JsonDerivedType(typeof(ApiError), EventKinds.ApiError)]
[JsonDerivedType(typeof(Notice), EventKinds.Notice)]
[JsonDerivedType(typeof(SteerSent), EventKinds.Steer)]
[JsonDerivedType(typeof(TurnCompleted), EventKinds.TurnCompleted)]
[JsonDerivedType(typeof(ProtocolNote), EventKinds.ProtocolNote)]
[JsonDerivedType(typeof(Unparsed), EventKinds.Unparsed)]
public abstract record AgentEvent
{
    [JsonIgnore]
    public abstract string Kind { get; }
}
