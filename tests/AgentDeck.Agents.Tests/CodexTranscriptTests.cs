using AgentDeck.Agents.Codex;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Agents.Tests;

/// <summary>The facts agent-protocols.md §2 states about each recorded Codex run (exec --json and app-server).</summary>
public sealed class CodexTranscriptTests
{
    private static ParsedRun Parse(string name, int? exitCode, ParserBaseline? baseline = null) =>
        Transcript.Parse(new CodexStreamParser(baseline), name, exitCode);

    [Fact]
    public void Given_an_unknown_model_Then_its_error_item_is_a_warning_and_the_turn_succeeds()
    {
        var run = Parse("codex-01-plain.ndjson", 0);

        Assert.Equal("01a1fee4-e6c3-7ad0-8ccf-47a5caa9ea1b", run.Single<SessionStarted>().SessionId);
        var notice = run.Single<Notice>();
        Assert.Equal("warning", notice.Level);
        Assert.StartsWith("Model metadata for `mock-model` not found", notice.Message, StringComparison.Ordinal);
        var end = run.Single<TurnCompleted>();
        Assert.Equal(TurnOutcome.Succeeded, end.Outcome);
        Assert.Equal("Hello from mock codex model.", end.FinalText);
        // input_tokens 2000 includes the 1500 cached: fresh input is 500.
        Assert.Equal(new TokenUsage(500, 1500, 0, 70, 20), run.Single<UsageReported>().Turn);
        Assert.Empty(run.Of<CostReported>());
    }

    [Fact]
    public void Given_tools_Then_file_changes_and_commands_are_calls_and_the_patched_file_is_touched()
    {
        var run = Parse("codex-02-tools.ndjson", 0);

        Assert.Equal("**Planning**\n\nI will write a file with apply_patch, then list the directory.", run.Single<Thinking>().Text);
        var started = run.Of<ToolCallStarted>().ToList();
        Assert.Equal(["apply_patch", "shell", "apply_patch"], started.Select(s => s.Name));
        Assert.Equal("ls -la && cat notes.txt", started[1].InputSummary);
        Assert.Equal(["/home/dev/demo/notes.txt"], started[0].Paths);
        var finished = run.Of<ToolCallFinished>().ToList();
        Assert.Equal(["item_1", "item_2", "item_3"], finished.Select(f => f.CallId));
        Assert.All(finished, f => Assert.False(f.IsError));
        Assert.Equal(["/home/dev/demo/notes.txt"], finished[2].Paths);
        var tally = run.Tally();
        Assert.Equal(3, tally.ToolCalls);
        Assert.Equal(["/home/dev/demo/notes.txt"], tally.FilesTouched);
        Assert.Equal(new TokenUsage(2000, 6000, 0, 280, 80), tally.Tokens);
    }

    [Fact]
    public void Given_a_failing_command_Then_the_call_finishes_as_an_error_with_its_output()
    {
        var run = Parse("codex-03b-cmdfail.ndjson", 0);

        var finished = run.Single<ToolCallFinished>();
        Assert.True(finished.IsError);
        Assert.Equal("cat: /nonexistent/file: No such file or directory", finished.OutputSummary);
        Assert.Equal(TurnOutcome.Succeeded, run.Single<TurnCompleted>().Outcome);
    }

    [Theory]
    [InlineData("codex-03-deny-readonly.ndjson", 0)]
    [InlineData("codex-03c-deny-workspace.ndjson", 1)]
    [InlineData("codex-03d-exec-escalate-onrequest.ndjson", 0)]
    public void Given_sandbox_denials_Then_exec_shows_no_denial_item_as_documented(string name, int calls)
    {
        var run = Parse(name, 0);

        Assert.Equal(calls, run.Tally().ToolCalls);
        Assert.Empty(run.Of<PermissionDenied>());
        Assert.Equal(TurnOutcome.Succeeded, run.Single<TurnCompleted>().Outcome);
    }

    [Fact]
    public void Given_a_resumed_thread_without_baseline_Then_the_turn_falls_back_to_the_thread_total()
    {
        var run = Parse("codex-06-resume.ndjson", 0);

        var usage = run.Single<UsageReported>();
        Assert.Equal("01a1fee5-19f9-7b32-9093-c43a1dab7eab", run.Single<SessionStarted>().SessionId);
        Assert.Equal(new TokenUsage(2500, 7500, 0, 350, 100), usage.Cumulative);
        Assert.Equal(usage.Cumulative, usage.Turn);
    }

    [Fact]
    public void Given_a_resumed_thread_with_the_previous_runs_total_Then_the_turn_is_the_true_delta()
    {
        var first = Parse("codex-02-tools.ndjson", 0).Single<UsageReported>().Cumulative;
        var resumed = Parse("codex-06-resume.ndjson", 0, new ParserBaseline(first, null));
        var again = Parse("codex-06b-resume-last.ndjson", 0, new ParserBaseline(resumed.Single<UsageReported>().Cumulative, null));

        Assert.Equal(new TokenUsage(500, 1500, 0, 70, 20), resumed.Single<UsageReported>().Turn);
        Assert.Equal(new TokenUsage(500, 1500, 0, 70, 20), again.Single<UsageReported>().Turn);
        Assert.Equal(new TokenUsage(3000, 9000, 0, 420, 120), again.Single<UsageReported>().Cumulative);
    }

    [Theory]
    [InlineData("codex-07-err500.ndjson", 1, null)]
    [InlineData("codex-07-err429.ndjson", 1, 429)]
    [InlineData("codex-07-err401.ndjson", 1, 401)]
    [InlineData("codex-07-errstream.ndjson", 1, null)]
    [InlineData("codex-07-err400.ndjson", 0, null)]
    public void Given_an_api_failure_Then_reconnects_are_notices_the_final_error_an_api_error_and_the_turn_failed(
        string name, int reconnects, int? status)
    {
        var run = Parse(name, 1);

        Assert.Equal(reconnects, run.Of<Notice>().Count(n => n.Message.StartsWith("Reconnecting...", StringComparison.Ordinal)));
        Assert.Equal(status, run.Single<ApiError>().HttpStatus);
        var end = run.Single<TurnCompleted>();
        Assert.Equal(TurnOutcome.Failed, end.Outcome);
        Assert.Equal(FailureReasons.ApiError, end.Reason);
        Assert.Equal(run.Single<ApiError>().Message, end.Detail);
        Assert.Empty(run.Of<UsageReported>());
    }

    [Fact]
    public void Given_a_500_that_recovered_Then_no_error_remains()
    {
        var run = Parse("codex-07-err500x1.ndjson", 0);

        Assert.Empty(run.Of<ApiError>());
        Assert.Equal(TurnOutcome.Succeeded, run.Single<TurnCompleted>().Outcome);
    }

    [Fact]
    public void Given_a_todo_list_Then_each_plan_state_is_a_notice_and_the_final_text_is_the_agent_message()
    {
        var run = Parse("codex-08-plan.ndjson", 0);

        Assert.Equal(
            ["plan: [ ] Write file; [ ] Run tests", "plan: [x] Write file; [x] Run tests", "plan: [x] Write file; [x] Run tests"],
            run.Of<Notice>().Select(n => n.Message));
        Assert.Equal("Plan done.", run.Single<TurnCompleted>().FinalText);
    }

    [Fact]
    public void Given_sigint_Then_the_stream_just_stops_and_complete_with_exit_one_closes_the_turn_as_interrupted()
    {
        var run = Parse("codex-09-sigint.ndjson", 1);

        Assert.Empty(run.PerLine.SelectMany(e => e).OfType<TurnCompleted>());
        var end = Assert.IsType<TurnCompleted>(run.AtEnd[^1]);
        Assert.Equal(TurnOutcome.Interrupted, end.Outcome);
        Assert.Equal(FailureReasons.Aborted, end.Reason);
        var unfinished = run.AtEnd.OfType<ToolCallFinished>().Single();
        Assert.Equal("item_0", unfinished.CallId);
        Assert.True(unfinished.IsError);
        Assert.Equal(RunStatus.Interrupted, run.Tally().Status);
    }

    [Fact]
    public void Given_an_app_server_approval_Then_the_request_is_a_permission_request_and_the_turn_succeeds()
    {
        var run = Parse("codex-03e-appserver-approval.ndjson", 0);

        Assert.Equal("01a1feeb-1b5f-70b2-92ee-7b7709647172", run.Single<SessionStarted>().SessionId);
        Assert.Equal("gpt-5.5", run.Single<SessionStarted>().Model);
        Assert.Equal("01a1feeb-1b7d-7083-974d-57c37046ce2f", run.Single<TurnStarted>().TurnId);
        var request = run.Single<PermissionRequested>();
        Assert.Equal(("0", "shell", "touch /home/dev/esc-approved.txt && echo ok", "Need to write outside the workspace"),
            (request.RequestId, request.ToolName, request.InputSummary, request.Reason));
        Assert.Equal("[[S:escalate]] write outside", run.Single<UserMessage>().Text);
        Assert.Equal("ok", run.Single<ToolCallFinished>().OutputSummary);
        var end = run.Single<TurnCompleted>();
        Assert.Equal(TurnOutcome.Succeeded, end.Outcome);
        Assert.Equal("Escalation handled.", end.FinalText);
        Assert.Equal(new TokenUsage(1000, 3000, 0, 140, 40), run.Single<UsageReported>().Turn);
        Assert.Equal("Codex could not find bubblewrap on PATH.", run.Single<Notice>().Message[..40]);
    }

    [Fact]
    public void Given_a_steered_then_interrupted_app_server_session_Then_the_first_turn_succeeds_and_the_second_is_interrupted()
    {
        var run = Parse("codex-05-appserver-steer.ndjson", 0);

        var turns = run.Of<TurnCompleted>().ToList();
        Assert.Equal([TurnOutcome.Succeeded, TurnOutcome.Interrupted], turns.Select(t => t.Outcome));
        Assert.Equal("Got your second message; switching.", turns[0].FinalText);
        Assert.Equal(FailureReasons.Aborted, turns[1].Reason);
        Assert.Equal(
            ["[[S:slow]] run the slow command", "[[S:steer2]] change of plan", "[[S:slow]] again, slowly"],
            run.Of<UserMessage>().Select(m => m.Text));
        var deltas = run.Of<AssistantText>().Where(t => t.IsDelta).Select(t => t.Text);
        Assert.Equal("Got your second message; switching.", string.Concat(deltas));
        var usage = run.Of<UsageReported>().ToList();
        Assert.Equal([new TokenUsage(1000, 3000, 0, 140, 40), new TokenUsage(500, 1500, 0, 70, 20)], usage.Select(u => u.Turn));
        Assert.Equal(new TokenUsage(1500, 4500, 0, 210, 60), usage[1].Cumulative);
        Assert.Equal(2, run.Of<ToolCallStarted>().Count());
        Assert.True(run.Of<ToolCallFinished>().Last().IsError); // the interrupted turn's command never finished
        Assert.Equal(RunStatus.Interrupted, run.Tally().Status);
    }

    [Fact]
    public void Given_what_the_client_wrote_to_the_app_server_Then_requests_and_responses_are_notes()
    {
        var run = Parse("codex-05-appserver-steer.stdin.ndjson", null);

        Assert.All(run.PerLine, events => Assert.IsType<ProtocolNote>(Assert.Single(events)));
        Assert.Contains(run.Of<ProtocolNote>(), n => n.Type == "request/turn/steer");
    }
}
