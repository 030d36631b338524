using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AgentDeck.MockModel.Conversations;
using AgentDeck.MockModel.Logging;
using AgentDeck.MockModel.Planning;
using AgentDeck.MockModel.Scenarios;
using AgentDeck.MockModel.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AgentDeck.MockModel;

/// <summary>The HTTP routes of the mock and the glue from request to plan to reply, with one log record per request.</summary>
internal sealed class MockEndpoints(ScenarioPlanner planner, MockRequestLog log, string? fixedWorkspace)
{
    private static readonly string[] SessionHeaders = ["X-Claude-Code-Session-Id", "session-id", "thread-id"];

    public void Map(WebApplication app)
    {
        app.MapPost("/v1/messages/count_tokens", CountTokensAsync);
        app.MapPost("/v1/messages", ctx => ModelAsync(ctx, MockApi.Anthropic));
        app.MapPost("/v1/responses", ctx => ModelAsync(ctx, MockApi.Responses));
        app.MapGet("/v1/models", ModelsAsync);
        app.MapFallback(SideRequestAsync);
    }

    private async Task ModelAsync(HttpContext http, MockApi api)
    {
        var exchange = await Exchange.BeginAsync(http, api, log);
        if (exchange.Body is null)
        {
            await RefuseAsync(http, exchange, exchange.BodyProblem!);
            return;
        }

        var conversation = api == MockApi.Anthropic
            ? AnthropicConversationReader.Read(exchange.Body)
            : ResponsesConversationReader.Read(exchange.Body);
        exchange.Conversation = conversation;
        var turn = planner.Plan(conversation, ConversationKey(http, api, conversation));
        exchange.Turn = turn;
        if (turn.RejectedModel is { } rejected)
        {
            exchange.Note = turn.Problem;
            await ModelRejection.WriteAsync(http.Response, api, rejected, exchange.Sequence);
            exchange.Finish(http.Response.StatusCode);
            return;
        }

        if (turn.Step is not { } step)
        {
            await RefuseAsync(http, exchange, turn.Problem!);
            return;
        }

        var workspace = fixedWorkspace ?? conversation.Workspace ?? Environment.CurrentDirectory;
        var reply = new ReplyContext(exchange.Sequence, turn.ScenarioName, turn.StepIndex, step, conversation, new WorkspacePaths(workspace));
        try
        {
            if (step.DelayMs > 0)
            {
                await Task.Delay(step.DelayMs, http.RequestAborted);
            }

            await ((api, step.Kind, conversation.Stream) switch
            {
                (_, StepKind.Error, _) when api == MockApi.Anthropic =>
                    AnthropicResponder.WriteErrorAsync(http.Response, step.Error!.Status, step.Error.Message, step.Error.RetryAfterSeconds, exchange.Sequence),
                (_, StepKind.Error, _) => ResponsesResponder.WriteErrorAsync(http.Response, step.Error!.Status, step.Error.Message, step.Error.RetryAfterSeconds),
                (MockApi.Anthropic, StepKind.Cut, _) => AnthropicResponder.WriteCutAsync(http, reply),
                (MockApi.Anthropic, _, true) => AnthropicResponder.WriteStreamAsync(http, reply),
                (MockApi.Anthropic, _, false) => AnthropicResponder.WriteJsonAsync(http, reply),
                (_, StepKind.Cut, _) => ResponsesResponder.WriteCutAsync(http, reply),
                _ => ResponsesResponder.WriteStreamAsync(http, reply),
            });
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            exchange.Note = "the client closed the connection before the reply ended";
        }
        finally
        {
            exchange.Finish(http.Response.StatusCode);
        }
    }

    private static async Task RefuseAsync(HttpContext http, Exchange exchange, string problem)
    {
        exchange.Note = problem;
        http.Response.StatusCode = 400;
        http.Response.ContentType = "application/json";
        var body = exchange.Api == MockApi.Anthropic
            ? AnthropicResponder.ErrorBody(400, problem)
            : ResponsesResponder.ErrorBody(400, problem);
        await http.Response.WriteAsync(body.ToJsonString(WireJson.Options));
        exchange.Finish(400);
    }

    private async Task CountTokensAsync(HttpContext http)
    {
        var exchange = await Exchange.BeginAsync(http, MockApi.Anthropic, log);
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject { ["input_tokens"] = Math.Max(1, exchange.RawBody.Length / 4) }.ToJsonString(WireJson.Options));
        exchange.Finish(200);
    }

    private async Task ModelsAsync(HttpContext http)
    {
        var exchange = await Exchange.BeginAsync(http, MockApi.Other, log);
        var model = new JsonObject { ["id"] = "mock-model", ["object"] = "model", ["type"] = "model", ["display_name"] = "Mock model" };
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(new JsonObject
        {
            ["object"] = "list", ["data"] = new JsonArray(model), ["models"] = new JsonArray(), ["has_more"] = false,
        }.ToJsonString(WireJson.Options));
        exchange.Finish(200);
    }

    // Claude Code probes a few endpoints at start (HEAD /, settings, ...); an empty JSON object satisfies them.
    private async Task SideRequestAsync(HttpContext http)
    {
        var exchange = await Exchange.BeginAsync(http, MockApi.Other, log);
        if (HttpMethods.IsPost(http.Request.Method))
        {
            exchange.Note = $"the mock has no route for POST {http.Request.Path}";
            http.Response.StatusCode = 404;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(AnthropicResponder.ErrorBody(404, exchange.Note).ToJsonString(WireJson.Options));
        }
        else if (!HttpMethods.IsHead(http.Request.Method))
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync("{}");
        }

        exchange.Finish(http.Response.StatusCode);
    }

    private static string ConversationKey(HttpContext http, MockApi api, Conversation conversation)
    {
        foreach (var header in SessionHeaders)
        {
            if (http.Request.Headers.TryGetValue(header, out var value) && !string.IsNullOrEmpty(value))
            {
                return $"{api}:{value}";
            }
        }

        var text = conversation.MarkerText ?? conversation.LastUserText ?? "";
        return $"{api}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))}";
    }

    /// <summary>One request in flight: its body and what the log record will say.</summary>
    private sealed class Exchange
    {
        private readonly HttpContext _http;
        private readonly MockRequestLog _log;
        private readonly DateTimeOffset _receivedAt = DateTimeOffset.UtcNow;

        private Exchange(HttpContext http, MockApi api, MockRequestLog log, string rawBody)
        {
            _http = http;
            _log = log;
            Api = api;
            RawBody = rawBody;
            Sequence = log.NextSequence();
        }

        public MockApi Api { get; }

        public int Sequence { get; }

        public string RawBody { get; }

        public JsonObject? Body { get; private set; }

        public string? BodyProblem { get; private set; }

        public Conversation? Conversation { get; set; }

        public PlannedTurn? Turn { get; set; }

        public string? Note { get; set; }

        public static async Task<Exchange> BeginAsync(HttpContext http, MockApi api, MockRequestLog log)
        {
            var (raw, problem) = await ReadBodyAsync(http.Request);
            var exchange = new Exchange(http, api, log, raw) { BodyProblem = problem };
            if (problem is null && api != MockApi.Other)
            {
                try
                {
                    exchange.Body = JsonNode.Parse(raw) as JsonObject;
                    exchange.BodyProblem = exchange.Body is null ? "mock model: the request body is not a JSON object" : null;
                }
                catch (JsonException e)
                {
                    exchange.BodyProblem = $"mock model: the request body is not valid JSON ({e.Message})";
                }
            }

            return exchange;
        }

        public void Finish(int status)
        {
            var request = _http.Request;
            var record = new MockRequestRecord(
                Sequence,
                _receivedAt,
                request.Method,
                request.Path + request.QueryString,
                Api,
                Conversation?.Model,
                Conversation?.LastUserText,
                Conversation?.LastToolResult,
                Turn?.ScenarioName,
                Turn is null ? null : Turn.StepIndex + 1,
                status,
                Note);
            var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _log.Add(record, headers, RawBody);
        }

        private static async Task<(string Body, string? Problem)> ReadBodyAsync(HttpRequest request)
        {
            var encoding = request.Headers.ContentEncoding.ToString().ToLowerInvariant();
            Stream body = encoding switch
            {
                "" or "identity" => request.Body,
                "gzip" => new GZipStream(request.Body, CompressionMode.Decompress),
                "deflate" => new ZLibStream(request.Body, CompressionMode.Decompress),
                "br" => new BrotliStream(request.Body, CompressionMode.Decompress),
                _ => Stream.Null,
            };
            using var reader = new StreamReader(body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
            return body == Stream.Null
                ? ("", $"mock model: request bodies with Content-Encoding '{encoding}' are not supported; send plain JSON")
                : (text, null);
        }
    }
}
