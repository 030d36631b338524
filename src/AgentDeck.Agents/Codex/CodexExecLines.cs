using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Codex;

/// <summary>The <c>codex exec --json</c> protocol: lines with a <c>type</c> (<c>thread.started</c>, <c>turn.*</c>, <c>item.*</c>, <c>error</c>).</summary>
internal sealed class CodexExecLines(CodexSession session, CodexItems items)
{
    private const string ReconnectPrefix = "Reconnecting...";

    public void Read(string type, TapeElement root, List<AgentEvent> output)
    {
        switch (type)
        {
            case "thread.started":
                output.Add(new SessionStarted(root.Str("thread_id"u8) ?? string.Empty, null, null, []));
                break;
            case "turn.started":
                session.StartTurn();
                output.Add(new TurnStarted(null));
                break;
            case "item.started":
                ReadItem(CodexItemPhase.Started, type, root, output);
                break;
            case "item.updated":
                ReadItem(CodexItemPhase.Updated, type, root, output);
                break;
            case "item.completed":
                ReadItem(CodexItemPhase.Completed, type, root, output);
                break;
            case "turn.completed":
                if (root.Obj("usage"u8) is { } usage)
                {
                    output.Add(CodexUsage.ExecProblem(usage) is { } problem
                        ? TokenCounts.Notice(problem, "codex")
                        : session.Usage(CodexUsage.FromExec(usage)));
                }

                session.EndTurn(new TurnCompleted(TurnOutcome.Succeeded, session.LastAgentText, null), output);
                break;
            case "turn.failed":
                var failure = root.Obj("error"u8)?.Str("message"u8) ?? root.Str("message"u8);
                session.EndTurn(new TurnCompleted(TurnOutcome.Failed, null, ModelRejections.Reason(CodexCommands.HttpStatus(failure ?? string.Empty), null, failure),
                    Summary.OneLine(failure, Summary.OutputMax)), output);
                break;
            case "error":
                var message = root.Str("message"u8) ?? string.Empty;
                output.Add(message.StartsWith(ReconnectPrefix, StringComparison.Ordinal)
                    ? new Notice("warning", Summary.OneLine(message, Summary.OutputMax), "codex")
                    : new ApiError(CodexCommands.HttpStatus(message), null, Summary.OneLine(message, Summary.OutputMax)));
                break;
            default:
                output.Add(new ProtocolNote(type));
                break;
        }
    }

    private void ReadItem(CodexItemPhase phase, string type, TapeElement root, List<AgentEvent> output)
    {
        if (root.Obj("item"u8) is { } item)
        {
            items.Read(phase, item, type, output);
        }
        else
        {
            output.Add(new ProtocolNote(type, "no item"));
        }
    }
}
