using System.Net;
using System.Text.Json.Nodes;
using AgentDeck.MockModel.Logging;

namespace AgentDeck.MockModel.Tests;

public sealed class AnthropicServerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Given_a_plain_prompt_When_streamed_Then_the_events_follow_the_messages_api_order()
    {
        using var response = await fixture.PostAsync("/v1/messages?beta=true", Requests.Anthropic("hi [[S:plain]]"));
        var events = SseEvent.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["message_start", "content_block_start", "content_block_delta", "content_block_delta", "content_block_stop", "message_delta", "message_stop"],
            events.Select(e => e.Name));
        Assert.All(events, e => Assert.Equal(e.Name, (string?)e.Data["type"]));
        var start = events[0].Data["message"]!;
        Assert.Equal("claude-opus-5-5", (string?)start["model"]);
        Assert.Equal(120, (int)start["usage"]!["input_tokens"]!);
        Assert.Equal(200, (int)start["usage"]!["cache_read_input_tokens"]!);
        var text = string.Concat(events.Where(e => e.Name == "content_block_delta").Select(e => (string?)e.Data["delta"]!["text"]));
        Assert.Equal("Hello from mock model.", text);
        Assert.Equal("end_turn", (string?)events[^2].Data["delta"]!["stop_reason"]);
        Assert.Equal(4, (int)events[^2].Data["usage"]!["output_tokens"]!);
    }

    [Fact]
    public async Task Given_the_tools_scenario_When_streamed_Then_the_tool_input_arrives_as_json_deltas_with_the_workspace_path()
    {
        using var response = await fixture.PostAsync("/v1/messages", Requests.Anthropic("go [[S:tools]]"));
        var events = SseEvent.Parse(await response.Content.ReadAsStringAsync());

        var toolStart = events.Single(e => e.Name == "content_block_start" && (string?)e.Data["content_block"]!["type"] == "tool_use");
        Assert.Equal("Write", (string?)toolStart.Data["content_block"]!["name"]);
        Assert.Equal("toolu_mock_tools_0_1", (string?)toolStart.Data["content_block"]!["id"]);
        var json = string.Concat(events.Where(e => (string?)e.Data["delta"]?["type"] == "input_json_delta").Select(e => (string?)e.Data["delta"]!["partial_json"]));
        var input = JsonNode.Parse(json)!;
        Assert.Equal("/work/repo/hello.txt", (string?)input["file_path"]);
        Assert.Equal("hello world\n", (string?)input["content"]);
        Assert.Equal("tool_use", (string?)events.Single(e => e.Name == "message_delta").Data["delta"]!["stop_reason"]);
    }

    [Fact]
    public async Task Given_thinking_When_streamed_Then_thinking_and_signature_deltas_come_first()
    {
        using var response = await fixture.PostAsync("/v1/messages", Requests.Anthropic("think [[S:partial]]"));
        var deltas = SseEvent.Parse(await response.Content.ReadAsStringAsync())
            .Where(e => e.Name == "content_block_delta").Select(e => (string?)e.Data["delta"]!["type"]).ToList();

        Assert.Equal(["thinking_delta", "signature_delta"], deltas.Take(2));
        Assert.All(deltas.Skip(2), d => Assert.Equal("text_delta", d));
    }

    [Fact]
    public async Task Given_a_non_streaming_request_When_answered_Then_it_is_one_message_json()
    {
        using var response = await fixture.PostAsync("/v1/messages", Requests.Anthropic("go [[S:tools]]", stream: false));
        var message = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("message", (string?)message["type"]);
        Assert.Equal("tool_use", (string?)message["stop_reason"]);
        Assert.Equal(["text", "tool_use"], message["content"]!.AsArray().Select(b => (string?)b!["type"]));
    }

    [Fact]
    public async Task Given_the_read_scenario_When_answered_Then_claude_gets_a_read_tool_with_an_absolute_path()
    {
        using var response = await fixture.PostAsync("/v1/messages", Requests.Anthropic("look [[S:read]]", stream: false));
        var block = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["content"]![0]!;

        Assert.Equal(("tool_use", "Read", "toolu_mock_read_0_0"), ((string?)block["type"], (string?)block["name"], (string?)block["id"]));
        Assert.Equal("/work/repo/README.md", (string?)block["input"]!["file_path"]);
    }

    [Theory]
    [InlineData("err500", 500, "api_error")]
    [InlineData("err429", 429, "rate_limit_error")]
    [InlineData("err529", 529, "overloaded_error")]
    [InlineData("err401", 401, "authentication_error")]
    [InlineData("err400", 400, "invalid_request_error")]
    public async Task Given_an_error_scenario_When_requested_Then_the_status_and_error_json_match_the_api(string scenario, int status, string type)
    {
        using var response = await fixture.PostAsync("/v1/messages", Requests.Anthropic($"x [[S:{scenario}]]"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("error", (string?)body["type"]);
        Assert.Equal(type, (string?)body["error"]!["type"]);
        Assert.Contains("(mock)", (string?)body["error"]!["message"]);
        Assert.Equal(status == 429, response.Headers.Contains("retry-after"));
    }

    [Fact]
    public async Task Given_fail_once_When_the_same_session_retries_Then_the_second_request_recovers()
    {
        var session = Guid.NewGuid().ToString();
        using var first = await fixture.PostAsync("/v1/messages", Requests.Anthropic("x [[S:err500x1]]"), session);
        using var second = await fixture.PostAsync("/v1/messages", Requests.Anthropic("x [[S:err500x1]]"), session);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Recovered after", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Given_a_stream_cut_When_streamed_Then_an_error_event_follows_message_start()
    {
        using var response = await fixture.PostAsync("/v1/messages", Requests.Anthropic("x [[S:errstream]]"));
        var events = SseEvent.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(["message_start", "error"], events.Select(e => e.Name));
        Assert.Equal("overloaded_error", (string?)events[1].Data["error"]!["type"]);
    }

    [Fact]
    public async Task Given_an_unknown_scenario_When_requested_Then_a_400_in_anthropic_shape_explains_it()
    {
        using var response = await fixture.PostAsync("/v1/messages", Requests.Anthropic("x [[S:no-such]]"));
        var raw = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(raw)!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", (string?)body["error"]!["type"]);
        Assert.StartsWith("mock model: unknown scenario 'no-such'", (string?)body["error"]!["message"]);
        Assert.Contains("unknown scenario 'no-such'", raw);
    }

    [Fact]
    public async Task Given_an_unexpected_tool_result_When_requested_Then_the_400_names_the_step_it_expected()
    {
        var body = Requests.Anthropic("go [[S:tools]]", true, Requests.ToolResult("toolu_stranger"));

        using var response = await fixture.PostAsync("/v1/messages", body);
        var message = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!["message"];

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'toolu_stranger'", message);
        Assert.Contains("the next is step 1", message);
    }

    [Fact]
    public async Task Given_side_requests_When_sent_Then_count_tokens_and_probes_answer_200()
    {
        using var count = await fixture.PostAsync("/v1/messages/count_tokens", Requests.Anthropic("x"));
        using var probe = await fixture.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/"));

        Assert.True((int)JsonNode.Parse(await count.Content.ReadAsStringAsync())!["input_tokens"]! > 0);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Fact]
    public async Task Given_a_request_When_answered_Then_the_log_records_it_and_writes_a_file()
    {
        using var response = await fixture.PostAsync("/v1/messages", Requests.Anthropic("logged [[S:tools]]", true, Requests.ToolResult("toolu_mock_tools_0_1", "File created")));
        await response.Content.ReadAsStringAsync();

        var record = fixture.Server.Requests.Records.Last(r => r.LastUserText == "logged [[S:tools]]");
        Assert.Equal(new MockRequestRecord(record.Sequence, record.ReceivedAt, "POST", "/v1/messages", MockApi.Anthropic, "claude-opus-5-5",
            "logged [[S:tools]]", "File created", "tools", 2, 200, null), record);
        var file = Path.Combine(fixture.LogDirectory, $"{record.Sequence:D4}-anthropic.json");
        Assert.Contains("\"Scenario\": \"tools\"", await File.ReadAllTextAsync(file));
    }

    [Fact]
    public async Task Given_a_request_with_credentials_When_logged_Then_the_file_is_0600_and_the_key_and_token_are_masked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/messages")
        {
            Content = new StringContent(Requests.Anthropic("keyed [[S:plain]]").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-api-key", "sk-ant-very-secret");
        request.Headers.Add("Authorization", "Bearer tok-very-secret");
        using var response = await fixture.Http.SendAsync(request);
        await response.Content.ReadAsStringAsync();

        var record = fixture.Server.Requests.Records.Last(r => r.LastUserText == "keyed [[S:plain]]");
        var file = Path.Combine(fixture.LogDirectory, $"{record.Sequence:D4}-anthropic.json");
        var headers = JsonNode.Parse(await File.ReadAllTextAsync(file))!["headers"]!;

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(fixture.LogDirectory));
        Assert.Equal("***", (string?)headers["x-api-key"]);
        Assert.Equal("Bearer ***", (string?)headers["Authorization"]);
        Assert.DoesNotContain("very-secret", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }
}
