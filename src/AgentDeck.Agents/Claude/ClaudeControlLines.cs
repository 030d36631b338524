using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Claude;

/// <summary>Claude <c>stream_event</c> (partial messages) and the stdio control protocol (<c>control_request</c>/<c>control_response</c>).</summary>
internal static class ClaudeControlLines
{
    public static void ReadStreamEvent(TapeElement root, List<AgentEvent> output)
    {
        var streamEvent = root.Obj("event"u8);
        var type = streamEvent?.Str("type"u8) ?? "unknown";
        if (type != "content_block_delta")
        {
            output.Add(new ProtocolNote("stream_event/" + type));
            return;
        }

        var delta = streamEvent!.Value.Obj("delta"u8);
        switch (delta?.Str("type"u8))
        {
            case "text_delta" when delta.Value.Str("text"u8) is { } text:
                output.Add(new AssistantText(text, true, root.Str("api_message_id"u8)));
                break;
            case "thinking_delta" when delta.Value.Str("thinking"u8) is { } thinking:
                output.Add(new Thinking(thinking, true));
                break;
            case var other:
                output.Add(new ProtocolNote("stream_event/" + (other ?? "delta")));
                break;
        }
    }

    public static void ReadControlRequest(TapeElement root, List<AgentEvent> output)
    {
        var request = root.Obj("request"u8);
        var subtype = request?.Str("subtype"u8) ?? "unknown";
        if (subtype != "can_use_tool")
        {
            output.Add(new ProtocolNote("control_request/" + subtype, root.Id("request_id"u8)));
            return;
        }

        var r = request!.Value;
        output.Add(new PermissionRequested(
            root.Id("request_id"u8) ?? string.Empty,
            r.Str("tool_name"u8) ?? "unknown",
            Summary.OfInput(r.Prop("input"u8)),
            r.Str("decision_reason"u8) ?? r.Str("decision_reason_type"u8)));
    }

    public static void ReadControlResponse(TapeElement root, List<AgentEvent> output)
    {
        var response = root.Obj("response"u8);
        var subtype = response?.Str("subtype"u8);
        if (subtype == "error")
        {
            output.Add(new Notice("warning", Summary.OneLine(response?.Str("error"u8) ?? "control request failed", Summary.OutputMax), "claude/control"));
            return;
        }

        output.Add(new ProtocolNote("control_response", response?.Id("request_id"u8)));
    }
}
