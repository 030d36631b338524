using System.Text.Json;
using System.Text.Json.Nodes;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;

namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>
/// Claude Code's <c>-p --input-format stream-json --output-format stream-json --verbose --include-partial-messages</c>
/// (agent-protocols.md §1.3, §1.7): <c>user</c> lines and <c>control_request</c> interrupts in; <c>system/init</c>,
/// <c>stream_event</c> deltas, one <c>assistant</c> line per content block, <c>user</c> tool results and one
/// <c>result</c> per turn (session-cumulative <c>total_cost_usd</c>) out.
/// </summary>
public sealed class ClaudeWire(WireOutput output, SimulationSettings settings, IPriceBook prices) : ISimulatedWire
{
    private readonly string _sessionId = Guid.NewGuid().ToString();
    private TokenUsage _turnTokens;
    private TokenUsage _sessionTokens;
    private DateTimeOffset _turnStart;
    private int _messages;
    private int _blockIndex;
    private int _requests;
    private string _messageId = "";

    public bool WriteAllowed => settings.Write;

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

        if (message is null)
        {
            return null;
        }

        var subtype = (string?)message["request"]?["subtype"];
        switch ((string?)message["type"])
        {
            case "user":
                return SimulatorMessage.User(UserText(message["message"]?["content"]));
            case "control_request" when subtype is not null:
                var isInterrupt = subtype == "interrupt";
                var answer = isInterrupt ? new JsonObject { ["still_queued"] = new JsonArray() } : new JsonObject();
                output.Write(new JsonObject
                {
                    ["type"] = "control_response",
                    ["response"] = new JsonObject
                    {
                        ["subtype"] = "success",
                        ["request_id"] = (string?)message["request_id"],
                        ["response"] = answer,
                    },
                });
                return isInterrupt ? SimulatorMessage.Interrupt : null;
            default:
                return null;
        }
    }

    public void TurnStarted(string prompt)
    {
        _turnTokens = TokenUsage.Zero;
        _turnStart = DateTimeOffset.UtcNow;
        _requests = 0;
        output.Write(Line("system", new JsonObject
        {
            ["subtype"] = "init",
            ["cwd"] = settings.WorkingDirectory,
            ["tools"] = new JsonArray("Bash", "Edit", "Glob", "Grep", "Read", "Write"),
            ["mcp_servers"] = new JsonArray(),
            ["model"] = settings.Model,
            ["permissionMode"] = settings.Write ? "acceptEdits" : "dontAsk",
            ["apiKeySource"] = "none",
            ["claude_code_version"] = "agentdeck-simulated",
            ["output_style"] = "default",
        }));
    }

    // Claude injects a steer into the running turn without echoing it (no --replay-user-messages).
    public void SteerJoined(string text)
    {
    }

    public void MessageStarted()
    {
        _messageId = $"msg_sim_{++_messages:000}";
        _blockIndex = 0;
        _requests++;
        StreamEvent(new JsonObject
        {
            ["type"] = "message_start",
            ["message"] = new JsonObject
            {
                ["id"] = _messageId, ["type"] = "message", ["role"] = "assistant", ["model"] = settings.Model,
                ["content"] = new JsonArray(), ["stop_reason"] = null, ["usage"] = new JsonObject { ["input_tokens"] = 0, ["output_tokens"] = 1 },
            },
        });
    }

    public void BlockStarted(bool thinking) => StreamEvent(new JsonObject
    {
        ["type"] = "content_block_start",
        ["index"] = _blockIndex,
        ["content_block"] = thinking
            ? new JsonObject { ["type"] = "thinking", ["thinking"] = "", ["signature"] = "" }
            : new JsonObject { ["type"] = "text", ["text"] = "" },
    });

    public void BlockDelta(bool thinking, string chunk) => StreamEvent(new JsonObject
    {
        ["type"] = "content_block_delta",
        ["index"] = _blockIndex,
        ["delta"] = thinking
            ? new JsonObject { ["type"] = "thinking_delta", ["thinking"] = chunk }
            : new JsonObject { ["type"] = "text_delta", ["text"] = chunk },
    });

    public void BlockFinished(bool thinking, string text)
    {
        Assistant(thinking
            ? new JsonObject { ["type"] = "thinking", ["thinking"] = text, ["signature"] = "sig-simulated" }
            : new JsonObject { ["type"] = "text", ["text"] = text });
        StreamEvent(new JsonObject { ["type"] = "content_block_stop", ["index"] = _blockIndex++ });
    }

    public void ToolRequested(SimulatedToolCall call)
    {
        StreamEvent(new JsonObject
        {
            ["type"] = "content_block_start",
            ["index"] = _blockIndex,
            ["content_block"] = new JsonObject { ["type"] = "tool_use", ["id"] = call.Id, ["name"] = call.ClaudeName, ["input"] = new JsonObject() },
        });
        Assistant(new JsonObject { ["type"] = "tool_use", ["id"] = call.Id, ["name"] = call.ClaudeName, ["input"] = call.ClaudeInput });
        StreamEvent(new JsonObject { ["type"] = "content_block_stop", ["index"] = _blockIndex++ });
    }

    public void MessageFinished(TokenUsage usage, bool toolUse)
    {
        _turnTokens += usage;
        _sessionTokens += usage;
        StreamEvent(new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = toolUse ? "tool_use" : "end_turn", ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = usage.Output },
        });
        StreamEvent(new JsonObject { ["type"] = "message_stop" });
    }

    public void ToolFinished(SimulatedToolCall call, ToolOutcome outcome) => output.Write(Line("user", new JsonObject
    {
        ["message"] = new JsonObject
        {
            ["role"] = "user",
            ["content"] = new JsonArray(new JsonObject
            {
                ["tool_use_id"] = call.Id, ["type"] = "tool_result", ["content"] = outcome.Output, ["is_error"] = outcome.IsError,
            }),
        },
        ["parent_tool_use_id"] = null,
    }));

    public void TurnFinished(TurnEnd end)
    {
        if (end.Kind == TurnEndKind.Interrupted)
        {
            if (end.AbortedTool is { } aborted)
            {
                ToolFinished(aborted, new ToolOutcome("The user doesn't want to proceed with this tool use. The tool use was rejected (eg. if it was a file edit, the new_string was NOT written to the file). STOP what you are doing and wait for the user to tell you how to proceed.", true));
            }

            output.Write(Line("user", new JsonObject
            {
                ["message"] = new JsonObject
                {
                    ["role"] = "user",
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "[Request interrupted by user for tool use]" }),
                },
                ["parent_tool_use_id"] = null,
            }));
        }

        var cost = prices.Price(settings.Model, _sessionTokens) ?? 0m;
        var (subtype, isError, reason) = end.Kind switch
        {
            TurnEndKind.Completed => ("success", false, "completed"),
            TurnEndKind.Interrupted => ("error_during_execution", true, "aborted_tools"),
            _ => ("success", true, "api_error"),
        };
        output.Write(Line("result", new JsonObject
        {
            ["subtype"] = subtype,
            ["is_error"] = isError,
            ["duration_ms"] = (long)(DateTimeOffset.UtcNow - _turnStart).TotalMilliseconds,
            ["duration_api_ms"] = (long)(DateTimeOffset.UtcNow - _turnStart).TotalMilliseconds,
            ["num_turns"] = Math.Max(1, _requests),
            ["result"] = end.Kind == TurnEndKind.Interrupted ? null : end.FinalText,
            ["stop_reason"] = end.Kind == TurnEndKind.Completed ? "end_turn" : null,
            ["total_cost_usd"] = cost,
            ["usage"] = UsageJson(_turnTokens),
            ["modelUsage"] = new JsonObject
            {
                [settings.Model] = new JsonObject
                {
                    ["inputTokens"] = _sessionTokens.Input,
                    ["outputTokens"] = _sessionTokens.Output,
                    ["cacheReadInputTokens"] = _sessionTokens.CachedInput,
                    ["cacheCreationInputTokens"] = _sessionTokens.CacheWrite,
                    ["costUSD"] = cost,
                },
            },
            ["permission_denials"] = new JsonArray(),
            ["terminal_reason"] = reason,
            ["api_error_status"] = end.HttpStatus,
        }));
    }

    private void Assistant(JsonObject block) => output.Write(Line("assistant", new JsonObject
    {
        ["message"] = new JsonObject
        {
            ["id"] = _messageId, ["type"] = "message", ["role"] = "assistant", ["model"] = settings.Model,
            ["content"] = new JsonArray(block), ["stop_reason"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = 0, ["output_tokens"] = 1 },
        },
        ["parent_tool_use_id"] = null,
    }));

    private void StreamEvent(JsonObject streamEvent) => output.Write(Line("stream_event", new JsonObject
    {
        ["event"] = streamEvent,
        ["parent_tool_use_id"] = null,
    }));

    private JsonObject Line(string type, JsonObject body)
    {
        var line = new JsonObject { ["type"] = type };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            line[key] = value;
        }

        line["session_id"] = _sessionId;
        line["uuid"] = Guid.NewGuid().ToString();
        return line;
    }

    private static JsonObject UsageJson(TokenUsage usage) => new()
    {
        ["input_tokens"] = usage.Input,
        ["cache_creation_input_tokens"] = usage.CacheWrite,
        ["cache_read_input_tokens"] = usage.CachedInput,
        ["output_tokens"] = usage.Output,
    };

    private static string UserText(JsonNode? content) => content switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray blocks => string.Join("\n", blocks.Select(b => (string?)b?["text"]).Where(t => t is not null)),
        _ => "",
    };
}
