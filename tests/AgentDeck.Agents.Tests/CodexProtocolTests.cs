using AgentDeck.Agents.Codex;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

/// <summary>Codex shapes documented in agent-protocols.md §2 (and codex-rs exec_events.rs) that the recorded runs lack.</summary>
public sealed class CodexProtocolTests
{
    [Fact]
    public void Given_a_web_search_item_with_two_id_keys_Then_it_parses_and_keeps_the_item_id()
    {
        var run = Lines.Parse(new CodexStreamParser(), 0,
            """{"type":"item.started","item":{"id":"item_0","type":"web_search","id":"ws_abc","query":"dotnet 10","action":{"type":"search","query":"dotnet 10"}}}""",
            """{"type":"item.completed","item":{"id":"item_0","type":"web_search","id":"ws_abc","query":"dotnet 10","action":{"type":"search","query":"dotnet 10"}}}""");

        var started = run.Single<ToolCallStarted>();
        Assert.Equal(("item_0", "web_search", "dotnet 10"), (started.CallId, started.Name, started.InputSummary));
        Assert.Equal("item_0", run.Single<ToolCallFinished>().CallId);
        Assert.Empty(run.Of<Unparsed>());
    }

    [Fact]
    public void Given_an_item_seen_only_completed_Then_its_start_is_emitted_too()
    {
        var run = Lines.Parse(new CodexStreamParser(), 0,
            """{"type":"item.completed","item":{"id":"item_5","type":"mcp_tool_call","server":"docs","tool":"search","arguments":{"query":"x"},"result":{"content":[{"type":"text","text":"found"}]},"error":null,"status":"completed"}}""");

        Assert.Equal("mcp:docs/search", run.Single<ToolCallStarted>().Name);
        var finished = run.Single<ToolCallFinished>();
        Assert.Equal(("found", false), (finished.OutputSummary, finished.IsError));
    }

    [Fact]
    public void Given_a_failed_mcp_call_Then_it_finishes_as_an_error_with_the_message()
    {
        var events = Lines.One(new CodexStreamParser(),
            """{"type":"item.completed","item":{"id":"i","type":"mcp_tool_call","server":"s","tool":"t","arguments":{},"result":null,"error":{"message":"boom"},"status":"failed"}}""");

        var finished = events.OfType<ToolCallFinished>().Single();
        Assert.Equal(("boom", true), (finished.OutputSummary, finished.IsError));
    }

    [Fact]
    public void Given_a_declined_command_Then_it_is_a_denial_and_an_error()
    {
        var run = Lines.Parse(new CodexStreamParser(), 0,
            """{"type":"item.started","item":{"id":"c1","type":"command_execution","command":"/bin/bash -lc 'rm -rf x'","aggregated_output":"","exit_code":null,"status":"in_progress"}}""",
            """{"type":"item.completed","item":{"id":"c1","type":"command_execution","command":"/bin/bash -lc 'rm -rf x'","aggregated_output":"","exit_code":null,"status":"declined"}}""");

        Assert.Equal("shell", run.Single<PermissionDenied>().ToolName);
        Assert.True(run.Single<ToolCallFinished>().IsError);
    }

    [Fact]
    public void Given_a_failed_file_change_Then_it_touches_no_file()
    {
        var run = Lines.Parse(new CodexStreamParser(), 0,
            """{"type":"item.completed","item":{"id":"f1","type":"file_change","changes":[{"path":"/w/a","kind":"update"}],"status":"failed"}}""");

        Assert.Equal(["/w/a"], run.Single<ToolCallStarted>().Paths);
        Assert.Empty(run.Single<ToolCallFinished>().Paths);
        Assert.Empty(run.Tally().FilesTouched);
    }

    [Fact]
    public void Given_collab_and_plan_items_Then_they_are_read()
    {
        var run = Lines.Parse(new CodexStreamParser(), 0,
            """{"type":"item.completed","item":{"id":"a1","type":"collab_tool_call","tool":"spawn_agent","prompt":"review","status":"completed"}}""",
            """{"type":"item.completed","item":{"id":"p1","type":"plan","text":"1. do it"}}""",
            """{"type":"item.plan.delta","item_id":"p1","delta":"x"}""");

        Assert.Equal("spawn_agent", run.Single<ToolCallStarted>().Name);
        Assert.Equal("1. do it", run.Single<AssistantText>().Text);
        Assert.Equal("item.plan.delta", run.Single<ProtocolNote>().Type);
    }

    [Fact]
    public void Given_two_turns_in_one_process_Then_the_second_reports_only_its_own_tokens()
    {
        var run = Lines.Parse(new CodexStreamParser(), 0,
            """{"type":"turn.started"}""",
            """{"type":"turn.completed","usage":{"input_tokens":2000,"cached_input_tokens":1500,"output_tokens":70,"reasoning_output_tokens":20}}""",
            """{"type":"turn.started"}""",
            """{"type":"turn.completed","usage":{"input_tokens":4000,"cached_input_tokens":3000,"output_tokens":140,"reasoning_output_tokens":40}}""");

        Assert.All(run.Of<UsageReported>(), u => Assert.Equal(new TokenUsage(500, 1500, 0, 70, 20), u.Turn));
    }

    [Fact]
    public void Given_exit_zero_with_a_turn_still_open_Then_it_is_a_crash_not_a_success()
    {
        var run = Lines.Parse(new CodexStreamParser(), 0, """{"type":"turn.started"}""");

        Assert.Equal(FailureReasons.Crash, run.Single<TurnCompleted>().Reason);
    }

    [Fact]
    public void Given_a_config_error_without_json_Then_exit_one_is_a_crash()
    {
        var run = Lines.Parse(new CodexStreamParser(), 1);

        Assert.Equal(FailureReasons.Crash, run.Single<TurnCompleted>().Reason);
    }

    [Fact]
    public void Given_an_app_server_turn_that_failed_Then_the_turn_failed_with_its_error()
    {
        var run = Lines.Parse(new CodexStreamParser(), 0,
            """{"method":"turn/started","params":{"threadId":"t","turn":{"id":"u1","status":"inProgress"}}}""",
            """{"method":"error","params":{"error":{"message":"Reconnecting... 1/5"},"willRetry":true,"threadId":"t","turnId":"u1"}}""",
            """{"method":"error","params":{"error":{"message":"unexpected status 401 Unauthorized"},"willRetry":false}}""",
            """{"method":"turn/completed","params":{"threadId":"t","turn":{"id":"u1","status":"failed","error":{"message":"unexpected status 401 Unauthorized"}}}}""");

        Assert.Single(run.Of<Notice>());
        Assert.Equal(401, run.Single<ApiError>().HttpStatus);
        var end = run.Single<TurnCompleted>();
        Assert.Equal((TurnOutcome.Failed, FailureReasons.ApiError, "unexpected status 401 Unauthorized"), (end.Outcome, end.Reason, end.Detail));
    }

    [Fact]
    public void Given_app_server_file_change_approval_and_reasoning_deltas_Then_they_are_read()
    {
        var run = Lines.Parse(new CodexStreamParser(), 0,
            """{"method":"item/fileChange/requestApproval","id":7,"params":{"itemId":"f","reason":"write outside the workspace"}}""",
            """{"method":"item/tool/requestUserInput","id":8,"params":{}}""",
            """{"method":"item/reasoning/summaryTextDelta","params":{"itemId":"r","delta":"thinking"}}""",
            """{"id":9,"error":{"code":-32600,"message":"bad request"}}""");

        var request = run.Single<PermissionRequested>();
        Assert.Equal(("7", "apply_patch", "write outside the workspace"), (request.RequestId, request.ToolName, request.InputSummary));
        Assert.Equal("request/item/tool/requestUserInput", run.Single<ProtocolNote>().Type);
        Assert.True(run.Single<Thinking>().IsDelta);
        Assert.Contains("bad request", run.Single<Notice>().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_approval_request_of_a_newer_kind_Then_it_is_still_a_permission_request()
    {
        var request = Assert.IsType<PermissionRequested>(Assert.Single(Lines.One(new CodexStreamParser(),
            """{"method":"item/mcpToolCall/requestApproval","id":"r9","params":{"reason":"call the docs server"}}""")));

        Assert.Equal(("r9", "mcpToolCall", "call the docs server"), (request.RequestId, request.ToolName, request.Reason));
    }

    [Fact]
    public void Given_a_json_object_of_neither_protocol_Then_it_is_unparsed()
    {
        Assert.IsType<Unparsed>(Assert.Single(Lines.One(new CodexStreamParser(), """{"hello":"world"}""")));
    }
}
