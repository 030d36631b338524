namespace AgentDeck.MockModel.Conversations;

/// <summary>
/// What the mock needs to know about one model request, read from the conversation it carries, so that
/// retries and resumed sessions find their place in a scenario without server-side session state.
/// Tool result ids and assistant texts count only after the message that holds the scenario marker.
/// </summary>
internal sealed record Conversation(
    string? Model,
    bool Stream,
    string? MarkedScenario,
    string? MarkerText,
    IReadOnlyList<string> ToolResultIds,
    IReadOnlyList<string> AssistantTexts,
    string? LastUserText,
    string? LastToolResult,
    string? Workspace,
    IReadOnlyDictionary<string, string> OfferedTools);
