using System.Text.Json.Nodes;
using AgentDeck.MockModel.Scenarios;
using Microsoft.AspNetCore.Http;

namespace AgentDeck.MockModel.Wire;

/// <summary>Renders scenario steps as OpenAI Responses API replies (SSE) and errors, as Codex reads them.</summary>
internal static class ResponsesResponder
{
    private const int DefaultInput = 2000, DefaultCached = 1500, DefaultOutput = 70, DefaultReasoning = 20;

    private static readonly Dictionary<string, string> IdPrefixes = new()
    {
        ["message"] = "msg", ["reasoning"] = "rs", ["function_call"] = "fc", ["custom_tool_call"] = "ctc", ["local_shell_call"] = "lsc",
    };

    public static async Task WriteStreamAsync(HttpContext http, ReplyContext reply)
    {
        var responseId = $"resp_mock_{reply.Sequence:D3}";
        SseWriter.Start(http.Response, responseId);
        var sse = new SseWriter(http.Response, reply.Step.ChunkDelayMs, http.RequestAborted);
        await sse.WriteAsync("response.created", Event("response.created", Response(responseId, "in_progress", reply.Model, [])));
        var done = new JsonArray();
        var blocks = reply.Step.Blocks;
        for (var index = 0; index < blocks.Count; index++)
        {
            var item = CodexItems.Item(blocks[index], reply.StepIndex, index, reply);
            var type = (string)item["type"]!;
            item["id"] = $"{IdPrefixes.GetValueOrDefault(type, "it")}_{reply.Sequence:D3}_{index}";
            await WriteItemAsync(sse, index, item);
            done.Add(item);
        }

        var completed = Response(responseId, "completed", reply.Model, done);
        completed["usage"] = Usage(reply.Step.Usage);
        await sse.WriteAsync("response.completed", Event("response.completed", completed));
    }

    /// <summary>A stream that starts and ends before response.completed (Codex: "stream disconnected before completion").</summary>
    public static async Task WriteCutAsync(HttpContext http, ReplyContext reply)
    {
        var responseId = $"resp_mock_{reply.Sequence:D3}";
        SseWriter.Start(http.Response, responseId);
        var sse = new SseWriter(http.Response, reply.Step.ChunkDelayMs, http.RequestAborted);
        await sse.WriteAsync("response.created", Event("response.created", Response(responseId, "in_progress", reply.Model, [])));
    }

    public static Task WriteErrorAsync(HttpResponse response, int status, string? message, int? retryAfter)
    {
        if (status == 429)
        {
            response.Headers["retry-after"] = (retryAfter ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            response.Headers["x-ratelimit-remaining-requests"] = "0";
        }

        response.StatusCode = status;
        response.ContentType = "application/json";
        return response.WriteAsync(ErrorBody(status, message ?? ApiError.For(status).DefaultMessage).ToJsonString(WireJson.Options));
    }

    public static JsonObject ErrorBody(int status, string message)
    {
        var error = ApiError.For(status);
        return new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = message, ["type"] = error.OpenAiType, ["code"] = error.OpenAiCode },
        };
    }

    private static async Task WriteItemAsync(SseWriter sse, int index, JsonObject item)
    {
        var id = (string)item["id"]!;
        var type = (string)item["type"]!;
        switch (type)
        {
            case "message":
                var text = (string)item["content"]![0]!["text"]!;
                await sse.WriteAsync("response.output_item.added", Added(index, new JsonObject
                {
                    ["type"] = "message", ["id"] = id, ["role"] = "assistant", ["status"] = "in_progress", ["content"] = new JsonArray(),
                }));
                await sse.WriteAsync("response.content_part.added", Part("response.content_part.added", id, index, new JsonObject
                {
                    ["part"] = new JsonObject { ["type"] = "output_text", ["text"] = "", ["annotations"] = new JsonArray() },
                }));
                foreach (var chunk in SseWriter.Chunks(text))
                {
                    await sse.WriteAsync("response.output_text.delta", Part("response.output_text.delta", id, index, new JsonObject { ["delta"] = chunk }));
                }

                await sse.WriteAsync("response.output_text.done", Part("response.output_text.done", id, index, new JsonObject { ["text"] = text }));
                item["status"] = "completed";
                break;
            case "reasoning":
                await sse.WriteAsync("response.output_item.added", Added(index, new JsonObject { ["type"] = "reasoning", ["id"] = id, ["summary"] = new JsonArray() }));
                var summary = (string)item["summary"]![0]!["text"]!;
                await sse.WriteAsync("response.reasoning_summary_part.added", Summary("response.reasoning_summary_part.added", id, index, new JsonObject
                {
                    ["part"] = new JsonObject { ["type"] = "summary_text", ["text"] = "" },
                }));
                await sse.WriteAsync("response.reasoning_summary_text.delta", Summary("response.reasoning_summary_text.delta", id, index, new JsonObject { ["delta"] = summary }));
                await sse.WriteAsync("response.reasoning_summary_text.done", Summary("response.reasoning_summary_text.done", id, index, new JsonObject { ["text"] = summary }));
                break;
            case "function_call":
                await WriteCallAsync(sse, index, item, "arguments", "response.function_call_arguments");
                break;
            case "custom_tool_call":
                await WriteCallAsync(sse, index, item, "input", "response.custom_tool_call_input");
                break;
            default:
                await sse.WriteAsync("response.output_item.added", Added(index, (JsonObject)item.DeepClone()));
                break;
        }

        await sse.WriteAsync("response.output_item.done", new JsonObject
        {
            ["type"] = "response.output_item.done", ["output_index"] = index, ["item"] = item.DeepClone(),
        });
    }

    private static async Task WriteCallAsync(SseWriter sse, int index, JsonObject item, string field, string eventPrefix)
    {
        var id = (string)item["id"]!;
        var value = (string)item[field]!;
        var started = (JsonObject)item.DeepClone();
        started[field] = "";
        started["status"] = "in_progress";
        await sse.WriteAsync("response.output_item.added", Added(index, started));
        await sse.WriteAsync(eventPrefix + ".delta", Part(eventPrefix + ".delta", id, index, new JsonObject { ["delta"] = value }, withContentIndex: false));
        await sse.WriteAsync(eventPrefix + ".done", Part(eventPrefix + ".done", id, index, new JsonObject { [field] = value }, withContentIndex: false));
        item["status"] = "completed";
    }

    private static JsonObject Event(string type, JsonObject response) => new() { ["type"] = type, ["response"] = response };

    private static JsonObject Added(int index, JsonObject item) => new()
    {
        ["type"] = "response.output_item.added", ["output_index"] = index, ["item"] = item,
    };

    private static JsonObject Part(string type, string itemId, int index, JsonObject extra, bool withContentIndex = true)
    {
        var obj = new JsonObject { ["type"] = type, ["item_id"] = itemId, ["output_index"] = index };
        if (withContentIndex)
        {
            obj["content_index"] = 0;
        }

        foreach (var (key, value) in extra.ToList())
        {
            extra.Remove(key);
            obj[key] = value;
        }

        return obj;
    }

    private static JsonObject Summary(string type, string itemId, int index, JsonObject extra)
    {
        var obj = Part(type, itemId, index, extra, withContentIndex: false);
        obj["summary_index"] = 0;
        return obj;
    }

    private static JsonObject Response(string id, string status, string model, JsonArray output) => new()
    {
        ["id"] = id, ["object"] = "response", ["status"] = status, ["model"] = model, ["output"] = output,
    };

    private static JsonObject Usage(ScenarioUsage? usage)
    {
        var input = usage?.InputTokens ?? DefaultInput;
        var output = usage?.OutputTokens ?? DefaultOutput;
        return new JsonObject
        {
            ["input_tokens"] = input,
            ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = usage?.CacheReadInputTokens ?? DefaultCached },
            ["output_tokens"] = output,
            ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = usage?.ReasoningTokens ?? DefaultReasoning },
            ["total_tokens"] = input + output,
        };
    }
}
