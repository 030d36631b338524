namespace AgentDeck.Agents.Codex;

/// <summary>Codex thread item types, as <c>exec --json</c> (snake_case) and the app-server (camelCase) spell them.</summary>
internal enum CodexItemKind
{
    Unknown,
    AgentMessage,
    Reasoning,
    Command,
    FileChange,
    TodoList,
    WebSearch,
    McpTool,
    CollabTool,
    Plan,
    Error,
    UserMessage,
}
