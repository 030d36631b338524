using AgentDeck.Agents.Claude;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

/// <summary>The facts agent-protocols.md §1 states about each recorded Claude Code run.</summary>
public sealed class ClaudeTranscriptTests
{
    private static ParsedRun Parse(string name, int? exitCode, ParserBaseline? baseline = null) =>
        Transcript.Parse(new ClaudeStreamParser(baseline), name, exitCode);

    [Fact]
    public void Given_a_plain_run_Then_session_turn_text_tokens_and_cost_are_read()
    {
        var run = Parse("claude-01-plain.ndjson", 0);

        var session = run.Single<SessionStarted>();
        Assert.Equal("a023f89f-68cb-4024-ae31-b0d16678f40a", session.SessionId);
        Assert.Equal("claude-opus-5-5", session.Model);
        Assert.Equal("/home/dev/demo", session.Cwd);
        Assert.Contains("Bash", session.Tools);
        Assert.IsType<TurnStarted>(run.Events[1]);
        Assert.Equal(new TokenUsage(120, 200, 30, 4, 0), run.Single<UsageReported>().Turn);
        Assert.Equal(0.00075m, run.Single<CostReported>().TurnUsd);
        var end = run.Single<TurnCompleted>();
        Assert.Equal(TurnOutcome.Succeeded, end.Outcome);
        Assert.Equal("Hello from mock model.", end.FinalText);
    }

    [Fact]
    public void Given_the_json_output_format_Then_its_single_result_line_also_announces_the_session()
    {
        var run = Parse("claude-01b-plain-json.ndjson", 0);

        Assert.Equal("aff76a12-fce4-4a7f-b771-973927bba060", run.Single<SessionStarted>().SessionId);
        Assert.Equal(TurnOutcome.Succeeded, run.Single<TurnCompleted>().Outcome);
        Assert.Equal(0.00075m, run.Single<CostReported>().TurnUsd);
    }

    [Fact]
    public void Given_tool_calls_Then_each_is_started_and_finished_and_written_files_are_touched()
    {
        var run = Parse("claude-02-tools.ndjson", 0);

        var started = run.Of<ToolCallStarted>().ToList();
        Assert.Equal(["Write", "Bash", "Edit"], started.Select(s => s.Name));
        Assert.Equal("ls -la && cat hello.txt", started[1].InputSummary);
        Assert.Equal("/home/dev/demo/hello.txt", started[0].InputSummary);
        var finished = run.Of<ToolCallFinished>().ToList();
        Assert.Equal(["toolu_w1", "toolu_b1", "toolu_e1"], finished.Select(f => f.CallId));
        Assert.Equal(["Write", "Bash", "Edit"], finished.Select(f => f.Name));
        Assert.All(finished, f => Assert.False(f.IsError));
        Assert.Equal(["/home/dev/demo/hello.txt"], finished[0].Paths);
        Assert.Empty(finished[1].Paths);
        Assert.Equal(["/home/dev/demo/hello.txt"], finished[2].Paths);
        var tally = run.Tally();
        Assert.Equal(3, tally.ToolCalls);
        Assert.Equal(["/home/dev/demo/hello.txt"], tally.FilesTouched);
        Assert.Equal(new TokenUsage(480, 800, 120, 73, 0), tally.Tokens);
        Assert.Equal(0.00414m, tally.CostUsd);
    }

    [Theory]
    [InlineData("claude-03-deny-default.ndjson")]
    [InlineData("claude-03-deny-plan.ndjson")]
    [InlineData("claude-03-deny-dontAsk.ndjson")]
    public void Given_denied_tools_Then_each_denial_is_reported_once_and_the_run_still_succeeds(string name)
    {
        var run = Parse(name, 0);

        var denials = run.Of<PermissionDenied>().ToList();
        Assert.Equal(["toolu_d1", "toolu_d2"], denials.Select(d => d.CallId));
        Assert.Equal(["Write", "Bash"], denials.Select(d => d.ToolName));
        Assert.All(run.Of<ToolCallFinished>(), f => Assert.True(f.IsError));
        Assert.Empty(run.Tally().FilesTouched);
        Assert.Equal(2, run.Tally().DeniedToolCalls);
        Assert.Equal(TurnOutcome.Succeeded, run.Single<TurnCompleted>().Outcome);
    }

    [Fact]
    public void Given_plan_mode_Then_the_informational_line_is_a_notice()
    {
        var run = Parse("claude-03-deny-plan.ndjson", 0);

        var notice = run.Single<Notice>();
        Assert.Equal("warning", notice.Level);
        Assert.StartsWith("Auto mode can't check actions", notice.Message, StringComparison.Ordinal);
        Assert.Contains("plan mode", run.Of<PermissionDenied>().First().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_failing_tools_Then_they_finish_as_errors_without_denials()
    {
        var run = Parse("claude-03b-toolerr.ndjson", 0);

        var finished = run.Of<ToolCallFinished>().ToList();
        Assert.Equal(2, finished.Count);
        Assert.All(finished, f => Assert.True(f.IsError));
        Assert.Equal("Exit code 3 cat: /nonexistent/file: No such file or directory", finished[0].OutputSummary);
        Assert.Empty(run.Of<PermissionDenied>());
        Assert.Equal(0.00291m, run.Single<CostReported>().TurnUsd);
    }

    [Fact]
    public void Given_host_answered_permissions_Then_requests_are_read_and_only_the_refused_call_is_denied()
    {
        var run = Parse("claude-03c-host-permission.ndjson", 0);

        var requests = run.Of<PermissionRequested>().ToList();
        Assert.Equal(["ca4a9ec6-15ef-4521-adf6-41a3b5b925d5", "d620ce8b-5c89-4360-951f-ee9cfb9945da"], requests.Select(r => r.RequestId));
        Assert.Equal(["Write", "Bash"], requests.Select(r => r.ToolName));
        Assert.Equal("subcommandResults", requests[1].Reason);
        var denial = run.Single<PermissionDenied>();
        Assert.Equal("toolu_d2", denial.CallId);
        Assert.Equal("Host policy: no shell commands", denial.Message);
        Assert.Equal(["/home/dev/demo/denied.txt"], run.Tally().FilesTouched);
        Assert.IsType<ProtocolNote>(run.PerLine[0].Single());
    }

    [Fact]
    public void Given_partial_messages_Then_deltas_come_first_and_the_whole_block_after()
    {
        var run = Parse("claude-04-partial.ndjson", 0);

        var thinking = run.Of<Thinking>().ToList();
        Assert.Equal([true, false], thinking.Select(t => t.IsDelta));
        Assert.Equal("Let me think about greeting the user.", thinking[1].Text);
        var deltas = run.Of<AssistantText>().Where(t => t.IsDelta).ToList();
        Assert.Equal("Hello there, this is streamed in several chunks.", string.Concat(deltas.Select(d => d.Text)));
        Assert.All(deltas, d => Assert.Equal("msg_mock_019", d.MessageId));
        Assert.Equal("Hello there, this is streamed in several chunks.", run.Of<AssistantText>().Single(t => !t.IsDelta).Text);
        Assert.Equal(0.00083m, run.Single<CostReported>().TurnUsd);
    }

    [Theory]
    [InlineData("claude-05-stdin-steer.ndjson", 0)]
    [InlineData("claude-05b-stdin-steer-replay.ndjson", 2)]
    public void Given_a_steering_message_mid_turn_Then_it_merges_into_one_turn(string name, int replayedUserMessages)
    {
        var run = Parse(name, 0);

        var end = run.Single<TurnCompleted>();
        Assert.Equal(TurnOutcome.Succeeded, end.Outcome);
        Assert.Equal("Got your second message; switching to the new instruction.", end.FinalText);
        Assert.Equal(replayedUserMessages, run.Of<UserMessage>().Count());
        Assert.All(run.Of<UserMessage>(), m => Assert.False(m.IsSynthetic));
        Assert.Equal(0.00192m, run.Single<CostReported>().TurnUsd);
        Assert.Single(run.Of<ToolCallStarted>());
    }

    [Fact]
    public void Given_two_stdin_turns_Then_each_turn_reports_its_own_tokens_and_cost()
    {
        var run = Parse("claude-05d-stdin-multiturn.ndjson", 0);

        Assert.Equal(2, run.Of<SessionStarted>().Count());
        Assert.Equal(2, run.Of<TurnStarted>().Count());
        var turns = run.Of<TurnCompleted>().ToList();
        Assert.Equal(2, turns.Count);
        Assert.All(turns, t => Assert.Equal(TurnOutcome.Succeeded, t.Outcome));
        var costs = run.Of<CostReported>().ToList();
        Assert.Equal([0.00182m, 0.00085m], costs.Select(c => c.TurnUsd)); // 0.00267 cumulative - 0.00182
        Assert.Equal([0.00182m, 0.00267m], costs.Select(c => c.CumulativeUsd!.Value));
        var usage = run.Of<UsageReported>().ToList();
        Assert.Equal(new TokenUsage(120, 200, 30, 9, 0), usage[1].Turn);
        Assert.Equal("claude-sonnet-9", usage[1].Model);
        Assert.Equal(new TokenUsage(360, 600, 90, 33, 0), usage[1].Cumulative);
        Assert.True(run.Of<UserMessage>().Single().IsSynthetic); // <local-command-stdout>Set model to …
        Assert.Equal(0.00267m, run.Tally().CostUsd);
    }

    [Theory]
    [InlineData("claude-06-resume.ndjson", "a8a30824-13d7-4aef-9767-491d8d4bf553", 0.00493)]
    [InlineData("claude-06b-resume-fork.ndjson", null, 0.00572)]
    public void Given_a_resumed_session_Then_the_turn_cost_is_this_turns_own_not_the_session_total(string name, string? sessionId, double cumulative)
    {
        var run = Parse(name, 0);

        var cost = run.Single<CostReported>();
        Assert.Equal(0.00079m, cost.TurnUsd);
        Assert.Equal((decimal)cumulative, cost.CumulativeUsd);
        Assert.Equal(new TokenUsage(120, 200, 30, 6, 0), run.Single<UsageReported>().Turn);
        if (sessionId is not null)
        {
            Assert.Equal(sessionId, run.Single<SessionStarted>().SessionId);
        }
    }

    [Fact]
    public void Given_resume_with_a_baseline_Then_the_stream_figure_still_wins_and_agrees()
    {
        var run = Parse("claude-06-resume.ndjson", 0, new ParserBaseline(null, 0.00414m));

        Assert.Equal(0.00079m, run.Single<CostReported>().TurnUsd);
    }

    [Fact]
    public void Given_continue_in_json_format_without_baseline_Then_the_cost_is_estimated_from_the_token_share()
    {
        var run = Parse("claude-06d-continue.ndjson", 0);

        var cost = run.Single<CostReported>();
        Assert.Equal(0.00154m, cost.CumulativeUsd);
        Assert.InRange(cost.TurnUsd, 0.00078m, 0.00080m);
    }

    [Fact]
    public void Given_continue_in_json_format_with_the_prior_total_Then_the_cost_is_the_exact_difference()
    {
        var run = Parse("claude-06d-continue.ndjson", 0, new ParserBaseline(null, 0.00075m));

        Assert.Equal(0.00079m, run.Single<CostReported>().TurnUsd);
    }

    [Fact]
    public void Given_a_new_session_id_in_json_format_Then_the_whole_total_is_the_turn()
    {
        var run = Parse("claude-06c-sessionid.ndjson", 0);

        Assert.Equal(0.00075m, run.Single<CostReported>().TurnUsd);
        Assert.Single(run.Of<SessionStarted>());
    }

    [Theory]
    [InlineData("claude-07-err500.ndjson", 500, 2, FailureReasons.ApiError)]
    [InlineData("claude-07-err429.ndjson", 429, 2, FailureReasons.ApiError)]
    [InlineData("claude-07-err529.ndjson", 529, 2, FailureReasons.ApiError)]
    [InlineData("claude-07-err401.ndjson", 401, 2, FailureReasons.ApiError)]
    [InlineData("claude-07-err400.ndjson", 400, 0, FailureReasons.PromptTooLong)]
    [InlineData("claude-07-errstream.ndjson", 529, 0, FailureReasons.ApiError)]
    public void Given_an_api_failure_with_subtype_success_Then_the_turn_failed_with_its_reason(string name, int status, int retries, string reason)
    {
        var run = Parse(name, 1);

        Assert.Equal(retries, run.Of<ApiRetry>().Count());
        Assert.All(run.Of<ApiRetry>(), r => Assert.Equal(status, r.HttpStatus));
        Assert.Equal(status, run.Single<ApiError>().HttpStatus);
        Assert.Empty(run.Of<AssistantText>());
        var end = run.Single<TurnCompleted>();
        Assert.Equal(TurnOutcome.Failed, end.Outcome);
        Assert.Equal(reason, end.Reason);
        Assert.Null(end.FinalText);
        Assert.Equal(0m, run.Single<CostReported>().TurnUsd);
        Assert.Null(run.Single<CostReported>().CumulativeUsd);
        var tally = run.Tally();
        Assert.Equal(Core.Runs.RunStatus.Failed, tally.Status);
        Assert.Equal(reason, tally.FailureReason);
    }

    [Fact]
    public void Given_a_stream_error_that_recovered_Then_the_turn_succeeds()
    {
        var run = Parse("claude-07-errstreamx1.ndjson", 0);

        Assert.Equal(TurnOutcome.Succeeded, run.Single<TurnCompleted>().Outcome);
        Assert.Empty(run.Of<ApiError>());
    }

    [Fact]
    public void Given_max_turns_Then_the_turn_failed_with_max_turns_and_its_message()
    {
        var run = Parse("claude-08-maxturns.ndjson", 1);

        var end = run.Single<TurnCompleted>();
        Assert.Equal(TurnOutcome.Failed, end.Outcome);
        Assert.Equal(FailureReasons.MaxTurns, end.Reason);
        Assert.Equal("Reached maximum number of turns (2)", end.Detail);
        Assert.Equal(0.00222m, run.Single<CostReported>().TurnUsd);
        Assert.Equal(2, run.Tally().ToolCalls);
    }

    [Fact]
    public void Given_a_model_routed_through_settings_Then_usage_names_the_served_model()
    {
        var run = Parse("claude-09-settings-env.ndjson", 0);

        Assert.Equal("provider-main-model", run.Single<UsageReported>().Model);
        Assert.Equal(0.0009875m, run.Single<CostReported>().TurnUsd);
    }

    [Fact]
    public void Given_what_the_host_wrote_to_stdin_Then_it_reads_as_user_messages_and_control_notes()
    {
        var run = Parse("claude-05d-stdin-multiturn.stdin.ndjson", null);

        Assert.Equal(["[[S:steer]] do the first task", "[[S:steer2]] second turn message"], run.Of<UserMessage>().Select(m => m.Text));
        Assert.Equal(["control_request/set_model", "control_request/set_permission_mode"], run.Of<ProtocolNote>().Select(n => n.Type));
        Assert.Empty(run.Of<TurnCompleted>());
    }
}
