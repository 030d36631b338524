using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Codex;

/// <summary>
/// The <c>codex app-server</c> JSON-RPC stream: notifications (<c>method</c>), server requests (<c>method</c> and
/// <c>id</c>, e.g. <c>…/requestApproval</c>) and responses to the client's requests (<c>id</c> and <c>result</c>/<c>error</c>).
/// </summary>
internal sealed class CodexAppServerLines(CodexSession session, CodexItems items)
{
    /// <summary>Approval requests and the tool each one is about.</summary>
    private static readonly Dictionary<string, string> ApprovalTools = new(StringComparer.Ordinal)
    {
        ["item/commandExecution/requestApproval"] = CodexItems.ShellTool,
        ["item/fileChange/requestApproval"] = CodexItems.PatchTool,
        ["item/permissions/requestApproval"] = "permissions",
        ["execCommandApproval"] = CodexItems.ShellTool,
        ["applyPatchApproval"] = CodexItems.PatchTool,
    };

    public void Read(TapeElement root, List<AgentEvent> output)
    {
        var method = root.Str("method"u8);
        var id = root.Id("id"u8);
        if (method is null)
        {
            ReadResponse(id, root, output);
        }
        else if (id is not null)
        {
            ReadServerRequest(method, id, root.Obj("params"u8), output);
        }
        else
        {
            ReadNotification(method, root.Obj("params"u8) ?? default, output);
        }
    }

    private static void ReadResponse(string? id, TapeElement root, List<AgentEvent> output)
    {
        if (root.Obj("error"u8) is { } error)
        {
            output.Add(new Notice("warning", Summary.OneLine($"request {id} failed: {error.Str("message"u8)}", Summary.OutputMax), "codex/app-server"));
            return;
        }

        output.Add(new ProtocolNote("response", id));
    }

    private static void ReadServerRequest(string method, string id, TapeElement? parameters, List<AgentEvent> output)
    {
        if (!ApprovalTools.TryGetValue(method, out var tool))
        {
            if (!method.EndsWith("/requestApproval", StringComparison.Ordinal))
            {
                output.Add(new ProtocolNote("request/" + method, id));
                return;
            }

            // A newer approval kind ("item/<kind>/requestApproval"): name the tool after its item kind.
            var kind = method[..^"/requestApproval".Length];
            tool = kind[(kind.LastIndexOf('/') + 1)..];
        }

        var p = parameters ?? default;
        var input = CodexCommands.Unwrap(p.Str("command"u8));
        if (input.Length == 0)
        {
            input = p.Str("reason"u8) ?? method;
        }

        output.Add(new PermissionRequested(id, tool, Summary.OneLine(input, Summary.InputMax), p.Str("reason"u8)));
    }

    private void ReadNotification(string method, TapeElement p, List<AgentEvent> output)
    {
        switch (method)
        {
            case "thread/started":
                var thread = p.Obj("thread"u8) ?? default;
                var cwd = thread.Str("cwd"u8);
                if (cwd is null && thread.Arr("environments"u8) is { } environments)
                {
                    foreach (var environment in environments.EnumerateArray())
                    {
                        cwd ??= environment.Str("cwd"u8);
                    }
                }

                output.Add(new SessionStarted(thread.Id("id"u8) ?? p.Str("threadId"u8) ?? string.Empty, thread.Str("model"u8), cwd, []));
                break;
            case "turn/started":
                session.StartTurn();
                output.Add(new TurnStarted(p.Obj("turn"u8)?.Id("id"u8) ?? p.Str("turnId"u8)));
                break;
            case "item/started":
                ReadItem(CodexItemPhase.Started, method, p, output);
                break;
            case "item/updated":
                ReadItem(CodexItemPhase.Updated, method, p, output);
                break;
            case "item/completed":
                ReadItem(CodexItemPhase.Completed, method, p, output);
                break;
            case "item/agentMessage/delta" when p.Str("delta"u8) is { } text:
                output.Add(new AssistantText(text, true, p.Str("itemId"u8)));
                break;
            case "item/reasoning/summaryTextDelta" or "item/reasoning/textDelta" when p.Str("delta"u8) is { } thought:
                output.Add(new Thinking(thought, true));
                break;
            case "thread/tokenUsage/updated":
                if (p.Obj("tokenUsage"u8)?.Obj("total"u8) is { } total)
                {
                    if (CodexUsage.AppServerProblem(total) is { } problem)
                    {
                        output.Add(TokenCounts.Notice(problem, "codex/app-server"));
                    }
                    else
                    {
                        session.PendingCumulative = CodexUsage.FromAppServer(total);
                    }
                }

                output.Add(new ProtocolNote(method));
                break;
            case "turn/completed":
                CompleteTurn(p.Obj("turn"u8) ?? default, output);
                break;
            case "error":
                var error = p.Obj("error"u8);
                var message = Summary.OneLine(error?.Str("message"u8) ?? p.Str("message"u8), Summary.OutputMax);
                output.Add(p.IsTrue("willRetry"u8)
                    ? new Notice("warning", message, "codex")
                    : new ApiError(error?.Int("httpStatusCode"u8) ?? CodexCommands.HttpStatus(message), null, message));
                break;
            case "configWarning" or "deprecationNotice" or "warning":
                output.Add(new Notice("warning", Summary.OneLine(p.Str("summary"u8) ?? p.Str("message"u8) ?? method, Summary.OutputMax), "codex/" + method));
                break;
            default:
                output.Add(new ProtocolNote(method));
                break;
        }
    }

    private void ReadItem(CodexItemPhase phase, string method, TapeElement p, List<AgentEvent> output)
    {
        if (p.Obj("item"u8) is { } item)
        {
            items.Read(phase, item, method, output);
        }
        else
        {
            output.Add(new ProtocolNote(method, "no item"));
        }
    }

    private void CompleteTurn(TapeElement turn, List<AgentEvent> output)
    {
        if (session.PendingCumulative is { } cumulative)
        {
            output.Add(session.Usage(cumulative));
        }

        var status = turn.Str("status"u8);
        var completed = status switch
        {
            "completed" => new TurnCompleted(TurnOutcome.Succeeded, session.LastAgentText ?? LastAgentMessage(turn), null),
            "interrupted" => new TurnCompleted(TurnOutcome.Interrupted, null, FailureReasons.Aborted, "turn interrupted"),
            _ => new TurnCompleted(TurnOutcome.Failed, null, ModelRejections.Reason(null, null, turn.Obj("error"u8)?.Str("message"u8)),
                Summary.OneLine(turn.Obj("error"u8)?.Str("message"u8) ?? $"turn ended with status {status ?? "unknown"}", Summary.OutputMax)),
        };
        session.EndTurn(completed, output);
    }

    private static string? LastAgentMessage(TapeElement turn)
    {
        string? last = null;
        if (turn.Arr("items"u8) is { } turnItems)
        {
            foreach (var item in turnItems.EnumerateArray())
            {
                if (item.Str("type"u8) == "agentMessage")
                {
                    last = item.Str("text"u8) ?? last;
                }
            }
        }

        return last;
    }
}
