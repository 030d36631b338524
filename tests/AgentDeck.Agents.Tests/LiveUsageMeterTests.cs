using AgentDeck.Agents.Claude;
using AgentDeck.Agents.Codex;
using AgentDeck.Agents.LiveUsage;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Agents.Tests;

/// <summary>The running token count of a turn in flight, checked against what the parser reports when the turn ends.</summary>
public sealed class LiveUsageMeterTests
{
    public static TheoryData<string> ClaudeTranscripts() =>
        [.. Transcript.AllNames().Where(n => n.StartsWith("claude-", StringComparison.Ordinal) && n.EndsWith(".ndjson", StringComparison.Ordinal) && !n.Contains(".stdin.", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(ClaudeTranscripts))]
    public void Given_a_claude_transcript_When_each_turn_ends_Then_the_meter_never_counted_more_than_the_turn_reports_and_starts_again_from_zero(string name)
    {
        foreach (var (inFlight, reported, afterwards) in TurnEnds(new ClaudeStreamParser(), new ClaudeLiveUsage(), name))
        {
            Assert.True(AtMost(inFlight, reported), $"{name}: in flight {inFlight} but the turn reported {reported}");
            Assert.Equal(TokenUsage.Zero, afterwards);
        }
    }

    [Fact]
    public void Given_partial_messages_When_the_turn_ends_Then_the_meter_counted_exactly_the_turns_tokens()
    {
        var (inFlight, reported, _) = Assert.Single(TurnEnds(new ClaudeStreamParser(), new ClaudeLiveUsage(), "claude-04-partial.ndjson"));

        Assert.Equal(reported with { Reasoning = 0 }, inFlight);
        Assert.True(inFlight.Output > 1);
    }

    [Theory]
    [InlineData("claude-02-tools.ndjson")]
    [InlineData("claude-08-maxturns.ndjson")]
    public void Given_several_api_calls_in_one_turn_When_it_ends_Then_the_meter_counted_every_calls_input_once(string name)
    {
        var (inFlight, reported, _) = Assert.Single(TurnEnds(new ClaudeStreamParser(), new ClaudeLiveUsage(), name));

        Assert.Equal((reported.Input, reported.CachedInput, reported.CacheWrite), (inFlight.Input, inFlight.CachedInput, inFlight.CacheWrite));
    }

    [Fact]
    public void Given_the_claude_stream_When_a_message_starts_Then_the_meter_moves_and_names_the_model()
    {
        var meter = new ClaudeLiveUsage();
        var before = meter.Version;

        meter.Observe(Transcript.Utf8("""{"type":"stream_event","event":{"type":"message_start","message":{"id":"m1","model":"claude-x","content":[{"type":"text","text":"a \"usage\" word"}],"usage":{"input_tokens":7,"cache_read_input_tokens":5,"cache_creation_input_tokens":3,"output_tokens":1,"server_tool_use":{"web_search_requests":0}}}}}"""));
        meter.Observe(Transcript.Utf8("""{"type":"stream_event","event":{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":42}}}"""));

        Assert.Equal(new TokenUsage(7, 5, 3, 42, 0), meter.InFlight);
        Assert.Equal("claude-x", meter.Model);
        Assert.True(meter.Version > before);
    }

    [Theory]
    [InlineData("{\"type\":\"assistant\",\"message\":{\"usage\":")]
    [InlineData("not json but says \"usage\"")]
    [InlineData("{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"usage\":{\"input_tokens\":\"many\"}}}")]
    [InlineData("{\"type\":\"assistant\",\"message\":{\"id\":\"m\",\"usage\":[1,2]}}")]
    [InlineData("{\"usage\":{\"input_tokens\":-5}}")]
    public void Given_a_malformed_line_When_observed_Then_nothing_is_counted_and_nothing_throws(string line)
    {
        var meter = new ClaudeLiveUsage();

        meter.Observe(Transcript.Utf8(line));
        meter.Observe([0xff, 0xfe, (byte)'"', (byte)'u', (byte)'s', (byte)'a', (byte)'g', (byte)'e', (byte)'"']);

        Assert.Equal(TokenUsage.Zero, meter.InFlight);
    }

    [Theory]
    [InlineData("codex-05-appserver-steer.ndjson")]
    [InlineData("codex-03e-appserver-approval.ndjson")]
    public void Given_the_codex_app_server_When_each_turn_ends_Then_the_meter_counted_exactly_the_turns_tokens(string name)
    {
        var ends = TurnEnds(new CodexStreamParser(), new CodexLiveUsage(), name);

        Assert.NotEmpty(ends);
        Assert.All(ends, end => Assert.Equal(end.Reported, end.InFlight));
        Assert.All(ends, end => Assert.Equal(TokenUsage.Zero, end.Afterwards));
    }

    [Fact]
    public void Given_a_resumed_codex_thread_When_its_first_update_carries_the_old_turns_Then_only_the_new_request_counts()
    {
        var meter = new CodexLiveUsage();

        meter.Observe(Transcript.Utf8("""{"method":"turn/started","params":{"turn":{"id":"t2"}}}"""));
        meter.Observe(Transcript.Utf8("""{"method":"thread/tokenUsage/updated","params":{"tokenUsage":{"total":{"inputTokens":9000,"cachedInputTokens":0,"outputTokens":900},"last":{"inputTokens":100,"cachedInputTokens":40,"outputTokens":10}}}}"""));
        meter.Observe(Transcript.Utf8("""{"method":"thread/tokenUsage/updated","params":{"tokenUsage":{"total":{"inputTokens":9000,"cachedInputTokens":0,"outputTokens":900},"last":{"inputTokens":100,"cachedInputTokens":40,"outputTokens":10}}}}"""));

        Assert.Equal(new TokenUsage(60, 40, 0, 10, 0), meter.InFlight);
    }

    [Fact]
    public void Given_each_agent_When_a_meter_is_asked_for_Then_only_agents_that_report_tokens_mid_turn_get_one()
    {
        Assert.IsType<ClaudeLiveUsage>(LiveUsageMeters.For(AgentKind.Claude));
        Assert.IsType<CodexLiveUsage>(LiveUsageMeters.For(AgentKind.Codex));
        Assert.Null(LiveUsageMeters.For(AgentKind.Gemini));
        Assert.Null(LiveUsageMeters.For(AgentKind.OpenCode));
    }

    /// <summary>At every line where the parser reports a turn's usage: the meter before that line, the report, the meter after.</summary>
    private static List<(TokenUsage InFlight, TokenUsage Reported, TokenUsage Afterwards)> TurnEnds(IAgentStreamParser parser, ILiveUsageMeter meter, string name)
    {
        var ends = new List<(TokenUsage, TokenUsage, TokenUsage)>();
        foreach (var line in Transcript.Lines(name))
        {
            var events = new List<AgentEvent>();
            parser.ParseLine(line, events);
            var before = meter.InFlight;
            meter.Observe(line);
            foreach (var usage in events.OfType<UsageReported>())
            {
                ends.Add((before, usage.Turn, meter.InFlight));
            }
        }

        return ends;
    }

    private static bool AtMost(TokenUsage a, TokenUsage b) =>
        a.Input <= b.Input && a.CachedInput <= b.CachedInput && a.CacheWrite <= b.CacheWrite && a.Output <= b.Output;
}
