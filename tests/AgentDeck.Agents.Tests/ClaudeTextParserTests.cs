using AgentDeck.Agents.Claude;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

/// <summary>Claude's <c>--output-format text</c> captures (the <c>.txt</c> transcripts).</summary>
public sealed class ClaudeTextParserTests
{
    [Fact]
    public void Given_a_plain_text_reply_and_exit_zero_Then_the_turn_succeeds_with_that_text()
    {
        var run = Transcript.Parse(new ClaudeTextParser(), "claude-01c-plain-text.txt", 0);

        var end = run.Single<TurnCompleted>();
        Assert.Equal(TurnOutcome.Succeeded, end.Outcome);
        Assert.Equal("Hello from mock model.", end.FinalText);
    }

    [Fact]
    public void Given_an_api_error_printed_to_stdout_and_exit_one_Then_the_turn_failed_with_api_error()
    {
        var run = Transcript.Parse(new ClaudeTextParser(), "claude-07-err500-text.txt", 1);

        Assert.Equal(500, run.Single<ApiError>().HttpStatus);
        var end = run.Single<TurnCompleted>();
        Assert.Equal(TurnOutcome.Failed, end.Outcome);
        Assert.Equal(FailureReasons.ApiError, end.Reason);
    }

    [Fact]
    public void Given_a_rate_limit_message_Then_the_status_comes_from_the_parentheses()
    {
        var run = Lines.Parse(new ClaudeTextParser(), 1, "API Error: Request rejected (429) · Rate limited");

        Assert.Equal(429, run.Single<ApiError>().HttpStatus);
    }

    [Fact]
    public void Given_a_multi_line_reply_Then_blank_lines_yield_no_event_but_stay_in_the_final_text()
    {
        var run = Lines.Parse(new ClaudeTextParser(), 0, "first", "", "second");

        Assert.Empty(run.PerLine[1]);
        Assert.Equal("first\n\nsecond", run.Single<TurnCompleted>().FinalText);
    }

    [Fact]
    public void Given_a_text_capture_fed_to_the_stream_parser_Then_each_line_is_unparsed_and_the_next_json_line_parses()
    {
        var parser = new ClaudeStreamParser();
        var text = Lines.One(parser, "Hello from mock model.");
        var json = Lines.One(parser, """{"type":"system","subtype":"init","session_id":"s"}""");

        Assert.IsType<Unparsed>(Assert.Single(text));
        Assert.Equal("s", Assert.IsType<SessionStarted>(json[0]).SessionId);
    }
}
