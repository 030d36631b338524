using AgentDeck.Agents.Claude;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

/// <summary>Claude shapes documented in agent-protocols.md §1 that the recorded runs do not contain.</summary>
public sealed class ClaudeProtocolTests
{
    private const string Init = """{"type":"system","subtype":"init","session_id":"s1","model":"claude-x","cwd":"/w","tools":["Bash"]}""";

    [Fact]
    public void Given_an_interrupt_during_a_tool_Then_the_turn_is_interrupted_aborted_and_the_marker_is_synthetic()
    {
        var run = Lines.Parse(new ClaudeStreamParser(), 0,
            Init,
            """{"type":"assistant","message":{"id":"m1","content":[{"type":"tool_use","id":"t1","name":"Bash","input":{"command":"sleep 30"}}]}}""",
            """{"type":"control_response","response":{"subtype":"success","request_id":"int-1","response":{"still_queued":[]}}}""",
            """{"type":"user","message":{"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"The user doesn't want to proceed with this tool use.","is_error":true}]}}""",
            """{"type":"user","message":{"role":"user","content":[{"type":"text","text":"[Request interrupted by user for tool use]"}]}}""",
            """{"type":"result","subtype":"error_during_execution","is_error":true,"terminal_reason":"aborted_tools","session_id":"s1","total_cost_usd":0.001,"usage":{"input_tokens":10,"output_tokens":2},"modelUsage":{"claude-x":{"inputTokens":10,"outputTokens":2,"costUSD":0.001}}}""");

        var end = run.Single<TurnCompleted>();
        Assert.Equal(TurnOutcome.Interrupted, end.Outcome);
        Assert.Equal(FailureReasons.Aborted, end.Reason);
        Assert.True(run.Single<UserMessage>().IsSynthetic);
        Assert.True(run.Single<ToolCallFinished>().IsError);
        Assert.Equal("Bash", run.Single<ToolCallFinished>().Name);
    }

    [Theory]
    [InlineData("error_max_budget_usd", "budget_exhausted", TurnOutcome.Failed, FailureReasons.Budget)]
    [InlineData("error_max_budget_usd", null, TurnOutcome.Failed, FailureReasons.Budget)]
    [InlineData("error_max_turns", null, TurnOutcome.Failed, FailureReasons.MaxTurns)]
    [InlineData("error_during_execution", null, TurnOutcome.Interrupted, FailureReasons.Aborted)]
    [InlineData("success", "prompt_too_long", TurnOutcome.Failed, FailureReasons.PromptTooLong)]
    [InlineData("error_max_structured_output_retries", "something_new", TurnOutcome.Failed, FailureReasons.Crash)]
    public void Given_an_error_result_Then_terminal_reason_then_subtype_decide_the_outcome(string subtype, string? terminal, TurnOutcome outcome, string reason)
    {
        var terminalField = terminal is null ? string.Empty : $",\"terminal_reason\":\"{terminal}\"";
        var events = Lines.One(new ClaudeStreamParser(), $$"""{"type":"result","subtype":"{{subtype}}","is_error":true{{terminalField}},"session_id":"s"}""");

        var end = Assert.IsType<TurnCompleted>(events[^1]);
        Assert.Equal(outcome, end.Outcome);
        Assert.Equal(reason, end.Reason);
    }

    [Fact]
    public void Given_no_json_and_a_failing_exit_Then_the_run_failed_with_crash()
    {
        var run = Lines.Parse(new ClaudeStreamParser(), 1);

        var end = run.Single<TurnCompleted>();
        Assert.Equal(TurnOutcome.Failed, end.Outcome);
        Assert.Equal(FailureReasons.Crash, end.Reason);
    }

    [Fact]
    public void Given_no_json_and_exit_zero_Then_nothing_is_invented()
    {
        Assert.Empty(Lines.Parse(new ClaudeStreamParser(), 0).Events);
    }

    [Theory]
    [InlineData(null, TurnOutcome.Interrupted, FailureReasons.Aborted)]
    [InlineData(143, TurnOutcome.Interrupted, FailureReasons.Aborted)]
    [InlineData(1, TurnOutcome.Failed, FailureReasons.Crash)]
    public void Given_a_turn_left_open_Then_complete_closes_it_by_the_exit_code(int? exitCode, TurnOutcome outcome, string reason)
    {
        var run = Lines.Parse(new ClaudeStreamParser(), exitCode, Init);

        var end = run.AtEnd.OfType<TurnCompleted>().Single();
        Assert.Equal(outcome, end.Outcome);
        Assert.Equal(reason, end.Reason);
    }

    [Fact]
    public void Given_complete_called_twice_Then_the_turn_is_closed_once()
    {
        var parser = new ClaudeStreamParser();
        var events = new List<AgentEvent>();
        parser.ParseLine(System.Text.Encoding.UTF8.GetBytes(Init), events);
        parser.Complete(1, events);
        parser.Complete(1, events);

        Assert.Single(events.OfType<TurnCompleted>());
    }

    [Theory]
    [InlineData("MultiEdit", """{"file_path":"/w/a.cs","edits":[]}""", """{"filePath":"/w/a.cs"}""", "/w/a.cs")]
    [InlineData("NotebookEdit", """{"notebook_path":"/w/n.ipynb","new_source":"x"}""", """{"new_source":"x"}""", "/w/n.ipynb")]
    [InlineData("Write", """{"file_path":"/w/b.txt","content":"x"}""", "\"Error: nope\"", null)]
    public void Given_a_file_changing_tool_Then_the_finished_call_names_the_changed_file(string tool, string input, string toolUseResult, string? changed)
    {
        var isError = changed is null ? ",\"is_error\":true" : string.Empty;
        var run = Lines.Parse(new ClaudeStreamParser(), 0,
            $$$"""{"type":"assistant","message":{"content":[{"type":"tool_use","id":"t1","name":"{{{tool}}}","input":{{{input}}}}]}}""",
            $$$"""{"type":"user","message":{"content":[{"type":"tool_result","tool_use_id":"t1","content":"ok"{{{isError}}}}]},"tool_use_result":{{{toolUseResult}}}}""");

        var finished = run.Single<ToolCallFinished>();
        Assert.Equal(tool, finished.Name);
        Assert.Equal(changed is null ? [] : [changed], finished.Paths);
    }

    [Fact]
    public void Given_a_read_tool_Then_it_names_the_file_but_touches_nothing()
    {
        var run = Lines.Parse(new ClaudeStreamParser(), 0,
            """{"type":"assistant","message":{"content":[{"type":"tool_use","id":"r1","name":"Read","input":{"file_path":"/w/c.txt"}}]}}""",
            """{"type":"user","message":{"content":[{"type":"tool_result","tool_use_id":"r1","content":[{"type":"text","text":"line one"}]}]},"tool_use_result":{"filePath":"/w/c.txt"}}""");

        Assert.Equal(["/w/c.txt"], run.Single<ToolCallStarted>().Paths);
        Assert.Empty(run.Single<ToolCallFinished>().Paths);
        Assert.Equal("line one", run.Single<ToolCallFinished>().OutputSummary);
    }

    [Fact]
    public void Given_a_can_use_tool_request_Then_it_is_a_permission_request_and_other_requests_are_notes()
    {
        var parser = new ClaudeStreamParser();

        var request = Assert.IsType<PermissionRequested>(Lines.One(parser,
            """{"type":"control_request","request_id":"r-1","request":{"subtype":"can_use_tool","tool_name":"Bash","input":{"command":"rm -rf /"},"decision_reason":"dangerous"}}""").Single());
        var other = Assert.IsType<ProtocolNote>(Lines.One(parser,
            """{"type":"control_request","request_id":"r-2","request":{"subtype":"hook_callback"}}""").Single());

        Assert.Equal(("r-1", "Bash", "rm -rf /", "dangerous"), (request.RequestId, request.ToolName, request.InputSummary, request.Reason));
        Assert.Equal("control_request/hook_callback", other.Type);
    }

    [Fact]
    public void Given_a_failed_control_response_Then_it_is_a_warning_notice()
    {
        var notice = Assert.IsType<Notice>(Lines.One(new ClaudeStreamParser(),
            """{"type":"control_response","response":{"subtype":"error","request_id":"x","error":"unknown model"}}""").Single());

        Assert.Equal("warning", notice.Level);
        Assert.Equal("unknown model", notice.Message);
    }

    [Theory]
    [InlineData("""{"type":"system","subtype":"compact_boundary","content":"Conversation compacted"}""", typeof(Notice))]
    [InlineData("""{"type":"system","subtype":"hook_started"}""", typeof(ProtocolNote))]
    [InlineData("""{"type":"keep_alive"}""", typeof(ProtocolNote))]
    [InlineData("""{"type":"stream_event","event":{"type":"content_block_delta","delta":{"type":"input_json_delta","partial_json":"{"}}}""", typeof(ProtocolNote))]
    [InlineData("""{"type":"assistant","message":{"content":[{"type":"redacted_thinking","data":"x"}]}}""", typeof(ProtocolNote))]
    [InlineData("""{"type":"assistant","message":{"content":[]}}""", typeof(ProtocolNote))]
    [InlineData("""{"no_type":1}""", typeof(Unparsed))]
    public void Given_lines_with_nothing_to_show_Then_each_still_yields_one_event(string line, Type expected)
    {
        var events = Lines.One(new ClaudeStreamParser(), line);

        Assert.IsType(expected, Assert.Single(events));
    }

    [Fact]
    public void Given_the_same_denial_three_ways_Then_it_is_reported_once()
    {
        var run = Lines.Parse(new ClaudeStreamParser(), 0,
            """{"type":"assistant","message":{"content":[{"type":"tool_use","id":"d1","name":"Write","input":{"file_path":"/w/x"}}]}}""",
            """{"type":"system","subtype":"permission_denied","tool_name":"Write","tool_use_id":"d1","message":"no"}""",
            """{"type":"user","message":{"content":[{"type":"tool_result","tool_use_id":"d1","content":"no","is_error":true}]},"tool_result_meta":[{"id":"d1","permission_decision":{"decision":"reject"}}]}""",
            """{"type":"result","subtype":"success","is_error":false,"permission_denials":[{"tool_name":"Write","tool_use_id":"d1","tool_input":{"file_path":"/w/x"}}]}""");

        Assert.Single(run.Of<PermissionDenied>());
    }
}
