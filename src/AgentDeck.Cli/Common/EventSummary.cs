using AgentDeck.Core.Events;

namespace AgentDeck.Cli.Common;

/// <summary>One readable line per event, for <c>agentdeck events</c> and the compact live view.</summary>
public static class EventSummary
{
    public static string Of(AgentEvent e, int width = 160) => RunFormat.Excerpt(e switch
    {
        SessionStarted s => $"session {s.SessionId}{(s.Model is { } m ? " on " + m : "")}{(s.Cwd is { } cwd ? " in " + cwd : "")}",
        TurnStarted => "turn started",
        UserMessage u => $"user: {u.Text}",
        AssistantText t => t.IsDelta ? $"… {t.Text}" : t.Text,
        Thinking t => $"(thinking) {t.Text}",
        ToolCallStarted c => $"→ {c.Name} {c.InputSummary}",
        ToolCallFinished f => $"{(f.IsError ? "✗" : "✓")} {f.Name} {f.OutputSummary}",
        PermissionRequested p => $"asks permission: {p.ToolName} {p.InputSummary}",
        PermissionDenied d => $"denied {d.ToolName}: {d.Message}",
        UsageReported u => $"tokens {RunFormat.Tokens(u.Turn)}{(u.Estimated == true ? " (estimate: the stream's count of a turn cut short)" : "")}",
        CostReported c => $"cost {RunFormat.Cost(c.TurnUsd)} this turn",
        ApiRetry r => $"API retry {r.Attempt}{(r.MaxRetries is { } max ? "/" + max : "")}{(r.HttpStatus is { } status ? $" (HTTP {status})" : "")}",
        ApiError a => $"API error{(a.HttpStatus is { } status ? $" {status}" : "")}: {a.Message}",
        Notice n => $"[{n.Level}] {n.Message}",
        SteerSent steer => $"steered from {steer.From}: {steer.Text}",
        TurnCompleted t => $"turn {t.Outcome.ToString().ToLowerInvariant()}{(t.Reason is { } reason ? $" ({reason})" : "")}",
        ProtocolNote p => $"· {p.Type}{(p.Detail is { } detail ? " " + detail : "")}",
        Unparsed u => $"unparsed ({u.Reason}): {u.Raw}",
        _ => e.Kind,
    }, width);
}
