using System.Text;
using AgentDeck.Core.Events;
using AgentDeck.Terminal;
using ProtocolActivity = AgentDeck.Core.Workers.WorkerActivity;

namespace AgentDeck.Tui.Model;

/// <summary>
/// Folds a worker's events into what its pane shows: the phase it is in, its last tool call and a live tail of its
/// text. Agent text is sanitized here, once, so no control sequence from an agent reaches the screen.
/// </summary>
public sealed class WorkerActivity
{
    private const int TailLimit = 40;
    private readonly LinkedList<string> _tail = new();
    private readonly StringBuilder _partial = new();
    private readonly ProtocolActivity _protocol = new();

    public string Phase { get; private set; } = "starting";
    public string? LastTool { get; private set; }
    public long Seq { get; private set; }

    public IReadOnlyList<string> Tail => _partial.Length == 0 ? _tail.ToList() : [.. _tail, .. Clean(_partial.ToString())];

    public void Apply(long seq, AgentEvent? e)
    {
        Seq = Math.Max(Seq, seq);
        if (e is not null)
        {
            _protocol.Apply(e);
        }

        switch (e)
        {
            case SessionStarted:
                Phase = "session started";
                break;
            case TurnStarted:
                Phase = "turn started";
                break;
            case UserMessage { IsSynthetic: false } user:
                Phase = "prompted";
                Push("› " + FirstLine(user.Text));
                break;
            case SteerSent steer:
                Push("» " + FirstLine(steer.Text));
                break;
            case Thinking:
                Phase = "thinking";
                break;
            case AssistantText { IsDelta: true } delta:
                Phase = "writing";
                _partial.Append(delta.Text);
                break;
            case AssistantText full:
                Phase = "writing";
                _partial.Clear();
                foreach (var line in Clean(full.Text))
                {
                    Push(line);
                }

                break;
            case ToolCallStarted call:
                Phase = "tool " + call.Name;
                LastTool = TextSanitizer.Default.SanitizeLine(FirstLine($"{call.Name} {call.InputSummary}".Trim()));
                break;
            case ToolCallFinished done:
                Phase = done.IsError ? $"tool {done.Name} failed" : "tool done";
                break;
            case PermissionRequested permission:
                Phase = "waiting for permission: " + permission.ToolName;
                break;
            case ApiRetry:
                Phase = _protocol.PhaseText ?? "retrying";
                break;
            case ApiError error:
                Phase = "API error";
                Push("! " + FirstLine(error.Message));
                break;
            case TurnCompleted turn:
                FlushPartial();
                Phase = "turn " + turn.Outcome.ToString().ToLowerInvariant();
                break;
        }
    }

    private void FlushPartial()
    {
        if (_partial.Length == 0)
        {
            return;
        }

        foreach (var line in Clean(_partial.ToString()))
        {
            Push(line);
        }

        _partial.Clear();
    }

    private void Push(string line)
    {
        _tail.AddLast(TextSanitizer.Default.SanitizeLine(line));
        while (_tail.Count > TailLimit)
        {
            _tail.RemoveFirst();
        }
    }

    private static IEnumerable<string> Clean(string text) =>
        TextSanitizer.Default.SanitizeLines(text).Where(l => !string.IsNullOrWhiteSpace(l)).TakeLast(TailLimit);

    private static string FirstLine(string text)
    {
        var newline = text.IndexOfAny(['\r', '\n']);
        return newline < 0 ? text : text[..newline];
    }
}
