using System.Text.Json.Nodes;
using AgentDeck.MockModel.Planning;
using AgentDeck.MockModel.Scenarios;
using Microsoft.AspNetCore.Http;

namespace AgentDeck.MockModel.Wire;

/// <summary>Renders scenario steps as Anthropic Messages API replies: SSE stream, plain JSON, errors.</summary>
internal static class AnthropicResponder
{
    private const int DefaultInput = 120, DefaultCacheWrite = 30, DefaultCacheRead = 200, TokensPerToolCall = 20;

    public static JsonArray Content(ReplyContext reply) =>
        new(reply.Step.Blocks.Select((block, i) => (JsonNode)Block(block, reply.Scenario, reply.StepIndex, i, reply.Paths)).ToArray());

    public static async Task WriteJsonAsync(HttpContext http, ReplyContext reply)
    {
        var content = Content(reply);
        var message = Message(reply, content, StopReason(reply.Step));
        message["usage"] = StartUsage(reply.Step.Usage, OutputTokens(reply.Step));
        await WriteJsonAsync(http.Response, 200, message, reply.Sequence);
    }

    public static async Task WriteStreamAsync(HttpContext http, ReplyContext reply)
    {
        SseWriter.Start(http.Response, RequestId(reply.Sequence));
        var sse = new SseWriter(http.Response, reply.Step.ChunkDelayMs, http.RequestAborted);
        var start = Message(reply, [], null);
        start["usage"] = StartUsage(reply.Step.Usage, 1);
        await sse.WriteAsync("message_start", new JsonObject { ["type"] = "message_start", ["message"] = start });
        var content = Content(reply);
        for (var i = 0; i < content.Count; i++)
        {
            await WriteBlockAsync(sse, i, (JsonObject)content[i]!);
            await sse.WriteAsync("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = i });
        }

        await sse.WriteAsync("message_delta", new JsonObject
        {
            ["type"] = "message_delta",
            ["delta"] = new JsonObject { ["stop_reason"] = StopReason(reply.Step), ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = OutputTokens(reply.Step) },
        });
        await sse.WriteAsync("message_stop", new JsonObject { ["type"] = "message_stop" });
    }

    /// <summary>A stream that starts and then fails with an SSE error event, as the real API does when overloaded mid-stream.</summary>
    public static async Task WriteCutAsync(HttpContext http, ReplyContext reply)
    {
        if (!reply.Conversation.Stream)
        {
            await WriteErrorAsync(http.Response, 529, reply.Step.Error?.Message, null, reply.Sequence);
            return;
        }

        SseWriter.Start(http.Response, RequestId(reply.Sequence));
        var sse = new SseWriter(http.Response, reply.Step.ChunkDelayMs, http.RequestAborted);
        var start = Message(reply, [], null);
        start["usage"] = StartUsage(reply.Step.Usage, 1);
        await sse.WriteAsync("message_start", new JsonObject { ["type"] = "message_start", ["message"] = start });
        await sse.WriteAsync("error", ErrorBody(529, reply.Step.Error?.Message ?? "Overloaded (mock, mid-stream)"));
    }

    public static Task WriteErrorAsync(HttpResponse response, int status, string? message, int? retryAfter, int sequence)
    {
        if (status == 429)
        {
            response.Headers["retry-after"] = (retryAfter ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["anthropic-ratelimit-requests-remaining"] = "0";
        }

        return WriteJsonAsync(response, status, ErrorBody(status, message ?? ApiError.For(status).DefaultMessage), sequence);
    }

    public static JsonObject ErrorBody(int status, string message) => new()
    {
        ["type"] = "error",
        ["error"] = new JsonObject { ["type"] = ApiError.For(status).AnthropicType, ["message"] = message },
    };

    private static async Task WriteJsonAsync(HttpResponse response, int status, JsonObject body, int sequence)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        response.Headers["request-id"] = RequestId(sequence);
        await response.WriteAsync(body.ToJsonString(WireJson.Options));
    }

    private static async Task WriteBlockAsync(SseWriter sse, int index, JsonObject block)
    {
        var type = (string)block["type"]!;
        var empty = type switch
        {
            "text" => new JsonObject { ["type"] = "text", ["text"] = "" },
            "thinking" => new JsonObject { ["type"] = "thinking", ["thinking"] = "", ["signature"] = "" },
            _ => new JsonObject { ["type"] = "tool_use", ["id"] = block["id"]!.DeepClone(), ["name"] = block["name"]!.DeepClone(), ["input"] = new JsonObject() },
        };
        await sse.WriteAsync("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = index, ["content_block"] = empty });
        foreach (var delta in Deltas(type, block))
        {
            await sse.WriteAsync("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = index, ["delta"] = delta });
        }
    }

    private static IEnumerable<JsonObject> Deltas(string type, JsonObject block)
    {
        switch (type)
        {
            case "text":
                foreach (var chunk in SseWriter.Chunks((string)block["text"]!))
                {
                    yield return new JsonObject { ["type"] = "text_delta", ["text"] = chunk };
                }

                break;
            case "thinking":
                yield return new JsonObject { ["type"] = "thinking_delta", ["thinking"] = block["thinking"]!.DeepClone() };
                yield return new JsonObject { ["type"] = "signature_delta", ["signature"] = block["signature"]!.DeepClone() };
                break;
            default:
                var json = block["input"]!.ToJsonString(WireJson.Options);
                var half = json.Length / 2;
                yield return new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = json[..half] };
                yield return new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = json[half..] };
                break;
        }
    }

    private static JsonObject Block(ScenarioBlock block, string scenario, int step, int index, WorkspacePaths paths) => block switch
    {
        TextBlock t => new JsonObject { ["type"] = "text", ["text"] = paths.Expand(t.Text) },
        ThinkingBlock t => new JsonObject { ["type"] = "thinking", ["thinking"] = paths.Expand(t.Text), ["signature"] = "sig-mock" },
        WriteFileBlock w => ToolUse(scenario, step, index, "Write", new() { ["file_path"] = paths.Absolute(w.Path), ["content"] = paths.Expand(w.Content) }),
        EditFileBlock e => ToolUse(scenario, step, index, "Edit", new()
        {
            ["file_path"] = paths.Absolute(e.Path), ["old_string"] = paths.Expand(e.OldText), ["new_string"] = paths.Expand(e.NewText),
        }),
        ShellBlock s => ToolUse(scenario, step, index, "Bash", s.Description is null
            ? new() { ["command"] = paths.Expand(s.Command) }
            : new() { ["command"] = paths.Expand(s.Command), ["description"] = s.Description }),
        ReadFileBlock r => ToolUse(scenario, step, index, "Read", new() { ["file_path"] = paths.Absolute(r.Path) }),
        RawToolBlock r => ToolUse(scenario, step, index, r.Name, (JsonObject)paths.Expand(r.Input)!),
        _ => throw new InvalidOperationException($"no Anthropic rendering for {block.GetType().Name}"),
    };

    private static JsonObject ToolUse(string scenario, int step, int index, string name, JsonObject input) => new()
    {
        ["type"] = "tool_use", ["id"] = ToolCallIds.Anthropic(scenario, step, index), ["name"] = name, ["input"] = input,
    };

    private static JsonObject Message(ReplyContext reply, JsonArray content, string? stopReason) => new()
    {
        ["id"] = $"msg_mock_{reply.Sequence:D3}",
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = reply.Model,
        ["content"] = content,
        ["stop_reason"] = stopReason,
        ["stop_sequence"] = null,
    };

    private static JsonObject StartUsage(ScenarioUsage? usage, int outputTokens) => new()
    {
        ["input_tokens"] = usage?.InputTokens ?? DefaultInput,
        ["cache_creation_input_tokens"] = usage?.CacheCreationInputTokens ?? DefaultCacheWrite,
        ["cache_read_input_tokens"] = usage?.CacheReadInputTokens ?? DefaultCacheRead,
        ["output_tokens"] = outputTokens,
    };

    private static int OutputTokens(ScenarioStep step) =>
        step.Usage?.OutputTokens
        ?? step.Blocks.Sum(b => b switch
        {
            TextBlock t => t.Text.Split(' ').Length,
            ThinkingBlock t => t.Text.Split(' ').Length,
            _ => TokensPerToolCall,
        });

    private static string StopReason(ScenarioStep step) => step.HasToolCalls ? "tool_use" : "end_turn";

    private static string RequestId(int sequence) => $"req_mock_{sequence:D3}";
}
