using AgentDeck.Agents.Claude;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

/// <summary>
/// A turn interrupted mid-call: Claude Code 2.1.328 (against the mock model, budget interrupt) leaves the cut call out of
/// <c>result.usage</c> but counts it in <c>model_usage_since_last_result</c> and in <c>total_cost_usd</c>.
/// </summary>
public sealed class ClaudeCutShortTurnTests
{
    private const string Init = """{"type":"system","subtype":"init","session_id":"s1","model":"claude-opus-5-5","cwd":"/w","tools":["Bash"]}""";

    [Fact]
    public void Given_a_turn_cut_during_its_only_call_When_the_result_reports_zero_usage_Then_the_calls_tokens_are_the_turns()
    {
        var run = Lines.Parse(new ClaudeStreamParser(), 0, Init,
            """{"type":"result","subtype":"error_during_execution","is_error":true,"terminal_reason":"aborted_streaming","session_id":"s1","total_cost_usd":0.6000000000000001,"usage":{"output_tokens_details":{"thinking_tokens":0},"input_tokens":0,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":0},"modelUsage":{"claude-opus-5-5":{"inputTokens":100000,"outputTokens":10000,"cacheReadInputTokens":0,"cacheCreationInputTokens":0,"costUSD":0.6000000000000001,"thinkingTokens":0}},"model_usage_since_last_result":{"claude-opus-5-5":{"inputTokens":100000,"outputTokens":10000,"cacheReadInputTokens":0,"cacheCreationInputTokens":0,"costUSD":0.6000000000000001,"thinkingTokens":0}}}""");

        Assert.Equal(new TokenUsage(100_000, 0, 0, 10_000, 0), run.Single<UsageReported>().Turn);
        Assert.Equal(0.6m, run.Single<CostReported>().TurnUsd);
        Assert.Equal(TurnOutcome.Interrupted, run.Single<TurnCompleted>().Outcome);
    }

    [Fact]
    public void Given_a_turn_cut_during_its_second_call_When_the_result_counts_only_the_first_Then_the_turn_keeps_both()
    {
        var run = Lines.Parse(new ClaudeStreamParser(), 0, Init,
            """{"type":"result","subtype":"error_during_execution","is_error":true,"terminal_reason":"aborted_streaming","session_id":"s1","total_cost_usd":0.4064,"usage":{"input_tokens":1000,"cache_creation_input_tokens":30,"cache_read_input_tokens":200,"output_tokens":100,"output_tokens_details":{"thinking_tokens":0}},"modelUsage":{"claude-opus-5-5":{"inputTokens":101000,"outputTokens":101,"cacheReadInputTokens":400,"cacheCreationInputTokens":60,"costUSD":0.4064,"thinkingTokens":0}},"model_usage_since_last_result":{"claude-opus-5-5":{"inputTokens":101000,"outputTokens":101,"cacheReadInputTokens":400,"cacheCreationInputTokens":60,"costUSD":0.4064,"thinkingTokens":0}}}""");

        Assert.Equal(new TokenUsage(101_000, 400, 60, 101, 0), run.Single<UsageReported>().Turn);
    }
}
