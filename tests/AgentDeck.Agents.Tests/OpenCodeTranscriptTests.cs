using AgentDeck.Agents.OpenCode;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

/// <summary>The facts agent-protocols.md §4 states about each recorded OpenCode run, and its documented shapes.</summary>
public sealed class OpenCodeTranscriptTests
{
    private static ParsedRun Parse(string name, int? exitCode) => Transcript.Parse(new OpenCodeStreamParser(), name, exitCode);

    [Fact]
    public void Given_a_plain_run_Then_the_end_of_the_stream_ends_the_turn_with_its_tokens_and_cost()
    {
        var run = Parse("opencode-01-plain.ndjson", 0);

        Assert.Equal("ses_e01159b64ffeTExP5hA32nzNDM", run.Single<SessionStarted>().SessionId);
        Assert.Empty(run.PerLine.SelectMany(e => e).OfType<TurnCompleted>());
        var end = Assert.IsType<TurnCompleted>(run.AtEnd[^1]);
        Assert.Equal((TurnOutcome.Succeeded, "Hello from mock model."), (end.Outcome, end.FinalText));
        Assert.Equal(new TokenUsage(120, 200, 30, 4, 0), run.Single<UsageReported>().Turn);
        Assert.Equal(0.0005925m, run.Single<CostReported>().TurnUsd);
    }

    [Fact]
    public void Given_tools_over_three_steps_Then_each_finished_call_yields_start_and_end_and_steps_are_summed()
    {
        var run = Parse("opencode-02-tools.ndjson", 0);

        Assert.Equal(["write", "bash"], run.Of<ToolCallStarted>().Select(s => s.Name));
        Assert.Equal(["toolu_ow1", "toolu_ob1"], run.Of<ToolCallFinished>().Select(s => s.CallId));
        Assert.Equal("ls -la && cat oc.txt", run.Of<ToolCallStarted>().Last().InputSummary);
        var tally = run.Tally();
        Assert.Equal(["/home/dev/demo/oc.txt"], tally.FilesTouched);
        Assert.Equal(new TokenUsage(360, 600, 90, 49, 0), tally.Tokens);
        Assert.Equal(0.0023325m, tally.CostUsd); // 0.0008775 + 0.0008325 + 0.0006225
        Assert.Equal("Done: wrote oc.txt and listed files.", tally.FinalText);
    }

    [Fact]
    public void Given_one_failure_printed_twice_Then_it_counts_once_as_prompt_too_long()
    {
        var run = Parse("opencode-07-err400.ndjson", 1);

        var error = run.Single<ApiError>();
        Assert.Equal(("ContextOverflowError", "prompt is too long (mock)"), (error.ErrorType, error.Message));
        Assert.Equal("repeated", run.Single<ProtocolNote>().Detail);
        var end = run.Single<TurnCompleted>();
        Assert.Equal((TurnOutcome.Failed, FailureReasons.PromptTooLong), (end.Outcome, end.Reason));
    }

    [Fact]
    public void Given_a_401_Then_the_turn_failed_with_api_error_and_the_status()
    {
        var run = Parse("opencode-07-err401.ndjson", 1);

        Assert.Equal(401, run.Single<ApiError>().HttpStatus);
        Assert.Equal(FailureReasons.ApiError, run.Single<TurnCompleted>().Reason);
    }

    [Theory]
    [InlineData(1, TurnOutcome.Failed, FailureReasons.Crash)]
    [InlineData(130, TurnOutcome.Interrupted, FailureReasons.Aborted)]
    public void Given_a_stream_that_ends_with_a_failing_exit_and_no_error_line_Then_the_exit_code_decides(int exitCode, TurnOutcome outcome, string reason)
    {
        var run = Parse("opencode-01-plain.ndjson", exitCode);

        var end = run.Single<TurnCompleted>();
        Assert.Equal((outcome, reason), (end.Outcome, end.Reason));
    }

    [Fact]
    public void Given_a_newer_build_that_prints_done_with_rejected_permissions_Then_done_ends_the_turn_once()
    {
        var run = Lines.Parse(new OpenCodeStreamParser(), 0,
            """{"type":"text","sessionID":"ses_1","part":{"type":"text","text":"hi"}}""",
            """{"type":"reasoning","sessionID":"ses_1","part":{"type":"reasoning","text":"hmm"}}""",
            """{"type":"tool_use","sessionID":"ses_1","part":{"type":"tool","tool":"edit","callID":"e1","state":{"status":"error","input":{"filePath":"/w/a"},"error":"no match"}}}""",
            """{"type":"done","sessionID":"ses_1","reason":"idle","rejected":[{"permission":"bash","title":"rm -rf /"}]}""");

        Assert.Equal("bash", run.Single<PermissionDenied>().ToolName);
        Assert.Equal("hmm", run.Single<Thinking>().Text);
        Assert.Equal(("no match", true), (run.Single<ToolCallFinished>().OutputSummary, run.Single<ToolCallFinished>().IsError));
        Assert.Empty(run.Single<ToolCallFinished>().Paths);
        Assert.Equal(TurnOutcome.Succeeded, run.Single<TurnCompleted>().Outcome);
        Assert.Empty(run.AtEnd);
    }

    [Fact]
    public void Given_no_output_and_a_failing_exit_Then_the_run_is_a_crash()
    {
        Assert.Equal(FailureReasons.Crash, Lines.Parse(new OpenCodeStreamParser(), 1).Single<TurnCompleted>().Reason);
    }
}
