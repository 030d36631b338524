using AgentDeck.Agents.Drivers.Shared;

namespace AgentDeck.Agents.Drivers.Claude;

/// <summary>The stdin lines of Claude's stream-json input (agent-protocols.md §1.7).</summary>
public static class ClaudeStdin
{
    /// <summary>A user message: the first prompt, a new turn after a result, or a steer joining the running turn.</summary>
    public static string User(string text) => JsonLine.Object(w =>
    {
        w.WriteString("type", "user");
        w.WriteStartObject("message");
        w.WriteString("role", "user");
        w.WriteString("content", JsonLine.Clean(text));
        w.WriteEndObject();
        w.WriteNull("parent_tool_use_id");
        w.WriteString("session_id", "");
    });

    public static string Interrupt(string requestId) => JsonLine.Object(w =>
    {
        w.WriteString("type", "control_request");
        w.WriteString("request_id", requestId);
        w.WriteStartObject("request");
        w.WriteString("subtype", "interrupt");
        w.WriteEndObject();
    });
}
