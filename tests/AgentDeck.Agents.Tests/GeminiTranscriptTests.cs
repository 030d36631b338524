using AgentDeck.Agents.Gemini;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

/// <summary>The facts agent-protocols.md §3 states about each recorded Gemini CLI run, and its documented shapes.</summary>
public sealed class GeminiTranscriptTests
{
    private static ParsedRun Parse(string name, int? exitCode) => Transcript.Parse(new GeminiStreamParser(), name, exitCode);

    [Fact]
    public void Given_a_plain_run_Then_the_streamed_reply_is_the_final_text_and_stats_give_fresh_input()
    {
        var run = Parse("gemini-01-plain.ndjson", 0);

        var session = run.Single<SessionStarted>();
        Assert.Equal(("e3285d5f-eaeb-41ce-a397-c3deda899da8", "gemini-2.5-flash"), (session.SessionId, session.Model));
        Assert.Equal("[[S:plain]] say hi", run.Single<UserMessage>().Text);
        Assert.All(run.Of<AssistantText>(), t => Assert.True(t.IsDelta));
        var end = run.Single<TurnCompleted>();
        Assert.Equal((TurnOutcome.Succeeded, "Hello from mock gemini model."), (end.Outcome, end.FinalText));
        var usage = run.Single<UsageReported>();
        Assert.Equal(new TokenUsage(600, 300, 0, 25, 0), usage.Turn);
        Assert.Equal("mock-gemini", usage.Model);
        Assert.Null(usage.Cumulative);
        Assert.Empty(run.Of<CostReported>());
    }

    [Fact]
    public void Given_tools_Then_calls_are_paired_the_written_file_is_touched_and_the_final_text_follows_the_last_call()
    {
        var run = Parse("gemini-02-tools.ndjson", 0);

        Assert.Equal(["write_file", "run_shell_command"], run.Of<ToolCallStarted>().Select(s => s.Name));
        Assert.Equal("ls -la && cat gem.txt", run.Of<ToolCallStarted>().Last().InputSummary);
        Assert.Equal(["write_file", "run_shell_command"], run.Of<ToolCallFinished>().Select(s => s.Name));
        var tally = run.Tally();
        Assert.Equal(2, tally.ToolCalls);
        Assert.Equal(["/home/dev/demo/gem.txt"], tally.FilesTouched);
        Assert.Equal("Done: wrote gem.txt and listed files.", run.Single<TurnCompleted>().FinalText);
        Assert.Equal(new TokenUsage(1800, 900, 0, 75, 0), tally.Tokens);
    }

    [Fact]
    public void Given_a_resumed_session_Then_the_same_id_and_per_run_stats()
    {
        var run = Parse("gemini-06-resume.ndjson", 0);

        Assert.Equal("ed757614-cf53-49f1-8e2f-35ff1b35e2d0", run.Single<SessionStarted>().SessionId);
        Assert.Equal(new TokenUsage(600, 300, 0, 25, 0), run.Single<UsageReported>().Turn);
    }

    [Fact]
    public void Given_a_400_with_exit_144_Then_the_turn_failed_with_api_error()
    {
        var run = Parse("gemini-07-err400.ndjson", 144);

        var end = run.Single<TurnCompleted>();
        Assert.Equal((TurnOutcome.Failed, FailureReasons.ApiError), (end.Outcome, end.Reason));
        Assert.Contains("API key not valid (mock)", end.Detail, StringComparison.Ordinal);
        Assert.True(run.Single<UsageReported>().Turn.IsZero);
    }

    [Theory]
    [InlineData(null, TurnOutcome.Interrupted, FailureReasons.Aborted)]
    [InlineData(143, TurnOutcome.Interrupted, FailureReasons.Aborted)]
    [InlineData(53, TurnOutcome.Failed, FailureReasons.MaxTurns)]
    [InlineData(41, TurnOutcome.Failed, FailureReasons.Auth)]
    public void Given_a_run_killed_while_retrying_Then_complete_closes_the_open_turn_by_exit_code(int? exitCode, TurnOutcome outcome, string reason)
    {
        var run = Parse("gemini-07-err500-killed-by-timeout.ndjson", exitCode);

        var end = Assert.IsType<TurnCompleted>(Assert.Single(run.AtEnd));
        Assert.Equal((outcome, reason), (end.Outcome, end.Reason));
    }

    [Fact]
    public void Given_an_auth_failure_before_any_json_Then_exit_41_is_an_auth_failure()
    {
        var run = Lines.Parse(new GeminiStreamParser(), 41);

        Assert.Equal(FailureReasons.Auth, run.Single<TurnCompleted>().Reason);
    }

    [Fact]
    public void Given_an_unregistered_tool_in_headless_default_mode_Then_it_is_a_denial()
    {
        var run = Lines.Parse(new GeminiStreamParser(), 0,
            """{"type":"tool_use","tool_name":"write_file","tool_id":"w1","parameters":{"file_path":"/w/a","content":"x"}}""",
            """{"type":"tool_result","tool_id":"w1","status":"error","error":{"type":"tool_not_registered","message":"Tool \"write_file\" not found in registry."}}""",
            """{"type":"error","severity":"warning","message":"Loop detected"}""");

        Assert.Equal(("write_file", "w1"), (run.Single<PermissionDenied>().ToolName, run.Single<PermissionDenied>().CallId));
        Assert.True(run.Single<ToolCallFinished>().IsError);
        Assert.Empty(run.Tally().FilesTouched);
        Assert.Equal(("warning", "Loop detected"), (run.Single<Notice>().Level, run.Single<Notice>().Message));
    }
}
