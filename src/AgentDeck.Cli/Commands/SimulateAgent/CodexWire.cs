using System.Text.Json;
using System.Text.Json.Nodes;
using AgentDeck.Core.Events;
using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>
/// <c>codex app-server</c> over stdio (agent-protocols.md §2.6): answers <c>initialize</c>, <c>thread/start</c>,
/// <c>turn/start</c>, <c>turn/steer</c> and <c>turn/interrupt</c>, and reports a turn as <c>item/*</c>,
/// <c>item/agentMessage/delta</c>, <c>thread/tokenUsage/updated</c> (thread totals) and <c>turn/completed</c>.
/// </summary>
public sealed class CodexWire(WireOutput output, SimulationSettings settings) : ISimulatedWire
{
    private readonly string _threadId = Guid.NewGuid().ToString();
    private readonly Lock _gate = new();
    private string? _turnId;
    private string? _nextTurnId;
    private string _itemId = "";
    private int _items;
    private TokenUsage _threadTokens;
    private TokenUsage _lastTokens;
    private bool _write;
    private DateTimeOffset _turnStart;

    public bool WriteAllowed => _write;

    public SimulatorMessage? Accept(string line)
    {
        JsonObject? message;
        try
        {
            message = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }

        var id = message?["id"]?.DeepClone();
        var parameters = message?["params"] as JsonObject;
        switch ((string?)message?["method"])
        {
            case "initialize":
                Answer(id, new JsonObject
                {
                    ["userAgent"] = "agentdeck-simulated/0.0.0", ["codexHome"] = settings.WorkingDirectory,
                    ["platformFamily"] = "unix", ["platformOs"] = "linux",
                });
                return null;
            case "thread/start":
                _write = (string?)parameters?["sandbox"] is "workspace-write" or "danger-full-access";
                var thread = Thread();
                Answer(id, new JsonObject { ["thread"] = thread });
                Notify("thread/started", new JsonObject { ["thread"] = Thread() });
                return null;
            case "turn/start":
                lock (_gate)
                {
                    _nextTurnId = Guid.NewGuid().ToString();
                    Answer(id, new JsonObject { ["turn"] = Turn(_nextTurnId, "inProgress") });
                }

                return SimulatorMessage.User(InputText(parameters?["input"]));
            case "turn/steer":
                lock (_gate)
                {
                    Answer(id, new JsonObject { ["turnId"] = _turnId ?? _nextTurnId });
                }

                return SimulatorMessage.User(InputText(parameters?["input"]));
            case "turn/interrupt":
                Answer(id, new JsonObject());
                return SimulatorMessage.Interrupt;
            case { } other when id is not null:
                output.Write(new JsonObject { ["id"] = id, ["error"] = new JsonObject { ["code"] = -32601, ["message"] = $"method {other} is not simulated" } });
                return null;
            default:
                return null;
        }
    }

    public void TurnStarted(string prompt)
    {
        lock (_gate)
        {
            _turnId = _nextTurnId ?? Guid.NewGuid().ToString();
        }

        _turnStart = DateTimeOffset.UtcNow;
        Notify("thread/status/changed", new JsonObject { ["threadId"] = _threadId, ["status"] = new JsonObject { ["type"] = "active", ["activeFlags"] = new JsonArray() } });
        Notify("turn/started", new JsonObject { ["threadId"] = _threadId, ["turn"] = Turn(_turnId!, "inProgress") });
        UserMessage(prompt);
    }

    public void SteerJoined(string text) => UserMessage(text);

    public void MessageStarted()
    {
    }

    public void BlockStarted(bool thinking)
    {
        _itemId = $"{(thinking ? "rs" : "msg")}_sim_{++_items:000}";
        ItemEvent("item/started", thinking ? Reasoning("") : AgentMessage(""));
    }

    public void BlockDelta(bool thinking, string chunk) => Notify(
        thinking ? "item/reasoning/summaryTextDelta" : "item/agentMessage/delta",
        new JsonObject { ["threadId"] = _threadId, ["turnId"] = _turnId, ["itemId"] = _itemId, ["delta"] = chunk });

    public void BlockFinished(bool thinking, string text) => ItemEvent("item/completed", thinking ? Reasoning(text) : AgentMessage(text));

    public void ToolRequested(SimulatedToolCall call) => ItemEvent("item/started", ToolItem(call, null));

    public void MessageFinished(TokenUsage usage, bool toolUse)
    {
        _threadTokens += usage;
        _lastTokens = usage;
        Notify("thread/tokenUsage/updated", new JsonObject
        {
            ["threadId"] = _threadId,
            ["turnId"] = _turnId,
            ["tokenUsage"] = new JsonObject { ["total"] = UsageJson(_threadTokens), ["last"] = UsageJson(_lastTokens), ["modelContextWindow"] = 258400 },
        });
    }

    public void ToolFinished(SimulatedToolCall call, ToolOutcome outcome)
    {
        if (call.ShellCommand is not null && !string.IsNullOrEmpty(outcome.Output) && !outcome.Denied)
        {
            Notify("item/commandExecution/outputDelta", new JsonObject { ["threadId"] = _threadId, ["turnId"] = _turnId, ["itemId"] = call.Id, ["delta"] = outcome.Output });
        }

        ItemEvent("item/completed", ToolItem(call, outcome));
    }

    public void TurnFinished(TurnEnd end)
    {
        var status = end.Kind switch
        {
            TurnEndKind.Completed => "completed",
            TurnEndKind.Interrupted => "interrupted",
            _ => "failed",
        };
        if (end.Kind == TurnEndKind.Failed)
        {
            Notify("error", new JsonObject { ["error"] = new JsonObject { ["message"] = end.FinalText, ["httpStatusCode"] = end.HttpStatus }, ["willRetry"] = false, ["threadId"] = _threadId, ["turnId"] = _turnId });
        }

        Notify("thread/status/changed", new JsonObject { ["threadId"] = _threadId, ["status"] = new JsonObject { ["type"] = "idle" } });
        var turn = Turn(_turnId!, status);
        turn["durationMs"] = (long)(DateTimeOffset.UtcNow - _turnStart).TotalMilliseconds;
        if (end.Kind == TurnEndKind.Failed)
        {
            turn["error"] = new JsonObject { ["message"] = end.FinalText };
        }

        Notify("turn/completed", new JsonObject { ["threadId"] = _threadId, ["turn"] = turn });
        lock (_gate)
        {
            _turnId = null;
            _nextTurnId = null;
        }
    }

    private void UserMessage(string text)
    {
        var id = Guid.NewGuid().ToString();
        JsonObject Item() => new()
        {
            ["type"] = "userMessage", ["id"] = id,
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text, ["text_elements"] = new JsonArray() }),
        };
        ItemEvent("item/started", Item());
        ItemEvent("item/completed", Item());
    }

    private JsonObject ToolItem(SimulatedToolCall call, ToolOutcome? outcome)
    {
        var status = outcome is null ? "inProgress" : outcome.Denied ? "declined" : outcome.IsError ? "failed" : "completed";
        if (call.ShellCommand is { } command)
        {
            return new JsonObject
            {
                ["type"] = "commandExecution", ["id"] = call.Id, ["command"] = "/bin/bash -lc '" + command.Replace("'", "'\\''", StringComparison.Ordinal) + "'",
                ["cwd"] = settings.WorkingDirectory, ["status"] = status, ["aggregatedOutput"] = outcome?.Output,
                ["exitCode"] = outcome?.ExitCode ?? (outcome is null ? null : outcome.IsError ? 1 : 0),
            };
        }

        if (call.Block is WriteFileBlock or EditFileBlock)
        {
            var kind = call.Block is WriteFileBlock ? "add" : "update";
            return new JsonObject
            {
                ["type"] = "fileChange", ["id"] = call.Id, ["status"] = status,
                ["changes"] = new JsonArray(new JsonObject { ["path"] = call.FullPath, ["kind"] = new JsonObject { ["type"] = kind }, ["diff"] = Diff(call.Block) }),
            };
        }

        return new JsonObject
        {
            ["type"] = "mcpToolCall", ["id"] = call.Id, ["server"] = "simulated", ["tool"] = call.ClaudeName, ["status"] = status,
            ["arguments"] = call.ClaudeInput, ["result"] = outcome is null ? null : new JsonObject { ["content"] = outcome.Output },
        };
    }

    private static string Diff(ScenarioBlock block) => block switch
    {
        WriteFileBlock write => string.Concat(write.Content.Split('\n').Select(l => "+" + l + "\n")),
        EditFileBlock edit => $"-{edit.OldText}\n+{edit.NewText}\n",
        _ => "",
    };

    private JsonObject AgentMessage(string text) => new() { ["type"] = "agentMessage", ["id"] = _itemId, ["text"] = text, ["phase"] = null };

    private JsonObject Reasoning(string text) => new()
    {
        ["type"] = "reasoning", ["id"] = _itemId,
        ["summary"] = text.Length == 0 ? new JsonArray() : new JsonArray(text), ["content"] = new JsonArray(),
    };

    private void ItemEvent(string method, JsonObject item) =>
        Notify(method, new JsonObject { ["item"] = item, ["threadId"] = _threadId, ["turnId"] = _turnId });

    private JsonObject Thread() => new()
    {
        ["id"] = _threadId, ["sessionId"] = _threadId, ["cwd"] = settings.WorkingDirectory, ["preview"] = "", ["ephemeral"] = false,
        ["modelProvider"] = "simulated", ["model"] = settings.Model, ["status"] = new JsonObject { ["type"] = "idle" },
    };

    private static JsonObject Turn(string id, string status) => new()
    {
        ["id"] = id, ["items"] = new JsonArray(), ["status"] = status, ["error"] = null,
    };

    private void Answer(JsonNode? id, JsonObject result) => output.Write(new JsonObject { ["id"] = id, ["result"] = result });

    private void Notify(string method, JsonObject parameters) => output.Write(new JsonObject { ["method"] = method, ["params"] = parameters });

    private static JsonObject UsageJson(TokenUsage usage) => new()
    {
        ["totalTokens"] = usage.Input + usage.CachedInput + usage.Output,
        ["inputTokens"] = usage.Input + usage.CachedInput,
        ["cachedInputTokens"] = usage.CachedInput,
        ["cacheWriteInputTokens"] = 0,
        ["outputTokens"] = usage.Output,
        ["reasoningOutputTokens"] = usage.Reasoning,
    };

    private static string InputText(JsonNode? input) => input is JsonArray items
        ? string.Join("\n", items.Select(i => (string?)i?["text"]).Where(t => t is not null))
        : "";
}
