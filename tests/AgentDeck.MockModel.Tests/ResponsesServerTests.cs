using System.Net;
using System.Text.Json.Nodes;

namespace AgentDeck.MockModel.Tests;

public sealed class ResponsesServerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Given_a_plain_prompt_When_streamed_Then_the_events_follow_the_responses_api_order()
    {
        using var response = await fixture.PostAsync("/v1/responses", Requests.Responses("hi [[S:plain]]"));
        var events = SseEvent.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(["response.created", "response.output_item.added", "response.content_part.added", "response.output_text.delta",
            "response.output_text.delta", "response.output_text.done", "response.output_item.done", "response.completed"], events.Select(e => e.Name));
        var completed = events[^1].Data["response"]!;
        Assert.Equal("completed", (string?)completed["status"]);
        Assert.Equal("Hello from mock model.", (string?)completed["output"]![0]!["content"]![0]!["text"]);
        Assert.Equal(1500, (int)completed["usage"]!["input_tokens_details"]!["cached_tokens"]!);
        Assert.Equal(20, (int)completed["usage"]!["output_tokens_details"]!["reasoning_tokens"]!);
    }

    [Fact]
    public async Task Given_a_known_model_When_the_tools_scenario_writes_Then_apply_patch_is_a_custom_tool_call()
    {
        using var response = await fixture.PostAsync("/v1/responses", Requests.Responses("go [[S:tools]]"));
        var events = SseEvent.Parse(await response.Content.ReadAsStringAsync());

        var item = events.Last(e => e.Name == "response.output_item.done").Data["item"]!;
        Assert.Equal("custom_tool_call", (string?)item["type"]);
        Assert.Equal("apply_patch", (string?)item["name"]);
        Assert.Equal("call_mock_tools_0_1", (string?)item["call_id"]);
        Assert.Equal("*** Begin Patch\n*** Add File: hello.txt\n+hello world\n*** End Patch\n", (string?)item["input"]);
        Assert.Contains(events, e => e.Name == "response.custom_tool_call_input.delta");
    }

    [Fact]
    public async Task Given_an_unknown_model_When_the_tools_scenario_writes_Then_it_falls_back_to_exec_command()
    {
        using var response = await fixture.PostAsync("/v1/responses", Requests.Responses("go [[S:tools]]", knownModel: false));
        var item = SseEvent.Parse(await response.Content.ReadAsStringAsync()).Last(e => e.Name == "response.output_item.done").Data["item"]!;

        Assert.Equal("exec_command", (string?)item["name"]);
        var arguments = JsonNode.Parse((string)item["arguments"]!)!;
        Assert.Equal("printf '%s' 'hello world\n' > 'hello.txt'", (string?)arguments["cmd"]);
    }

    [Fact]
    public async Task Given_the_shell_step_When_streamed_Then_exec_command_arguments_stream_as_deltas()
    {
        var body = Requests.Responses("go [[S:tools]]", true, Requests.CallOutput("call_mock_tools_0_1", "custom_tool_call_output"));

        using var response = await fixture.PostAsync("/v1/responses", body);
        var events = SseEvent.Parse(await response.Content.ReadAsStringAsync());

        Assert.Contains(events, e => e.Name == "response.function_call_arguments.delta");
        var item = events.Single(e => e.Name == "response.output_item.done").Data["item"]!;
        Assert.Equal(("function_call", "exec_command", "completed"), ((string?)item["type"], (string?)item["name"], (string?)item["status"]));
        Assert.Equal("ls -la && cat hello.txt", (string?)JsonNode.Parse((string)item["arguments"]!)!["cmd"]);
    }

    [Fact]
    public async Task Given_the_read_scenario_When_streamed_Then_codex_gets_a_cat_through_its_shell_tool()
    {
        using var response = await fixture.PostAsync("/v1/responses", Requests.Responses("look [[S:read]]"));
        var item = SseEvent.Parse(await response.Content.ReadAsStringAsync()).Single(e => e.Name == "response.output_item.done").Data["item"]!;

        Assert.Equal("call_mock_read_0_0", (string?)item["call_id"]);
        Assert.Equal("cat 'README.md'", (string?)JsonNode.Parse((string)item["arguments"]!)!["cmd"]);
    }

    [Fact]
    public async Task Given_a_stream_cut_When_streamed_Then_it_ends_without_response_completed()
    {
        using var response = await fixture.PostAsync("/v1/responses", Requests.Responses("x [[S:errstream]]"));

        Assert.Equal(["response.created"], SseEvent.Parse(await response.Content.ReadAsStringAsync()).Select(e => e.Name));
    }

    [Fact]
    public async Task Given_err429_When_requested_Then_the_openai_error_shape_and_retry_after_come_back()
    {
        using var response = await fixture.PostAsync("/v1/responses", Requests.Responses("x [[S:err429]]"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("rate_limit_exceeded", (string?)body["error"]!["code"]);
        Assert.Equal("1", response.Headers.GetValues("retry-after").Single());
    }

    [Fact]
    public async Task Given_exhausted_steps_When_requested_Then_a_400_in_openai_shape_says_so()
    {
        var body = Requests.Responses("hi [[S:plain]]", true,
            new JsonObject { ["type"] = "message", ["role"] = "assistant", ["content"] = new JsonArray(new JsonObject { ["type"] = "output_text", ["text"] = "Hello from mock model." }) },
            new JsonObject { ["type"] = "message", ["role"] = "user", ["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = "more please" }) });

        using var response = await fixture.PostAsync("/v1/responses", body);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request_error", (string?)error["type"]);
        Assert.Equal("mock model: scenario 'plain' has no step left (all 1 were played); got the user message \"more please\". Start a new conversation or add steps.", (string?)error["message"]);
    }

    [Fact]
    public async Task Given_the_models_probe_When_requested_Then_a_model_list_comes_back()
    {
        var list = JsonNode.Parse(await fixture.Http.GetStringAsync("/v1/models"))!;

        Assert.Equal("mock-model", (string?)list["data"]![0]!["id"]);
    }
}
