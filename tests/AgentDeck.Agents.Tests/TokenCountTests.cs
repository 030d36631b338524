using System.Text;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

/// <summary>A negative or overflowing token count in a transcript is flagged by a notice and kept out of the run's tally.</summary>
public sealed class TokenCountTests
{
    private static ParsedRun ParseEdited(string transcript, string original, string edited)
    {
        var text = File.ReadAllText(Path.Combine(Transcript.Directory, transcript));
        Assert.Contains(original, text, StringComparison.Ordinal);
        return Transcript.Parse(Parsers.For(transcript), Transcript.SplitLines(Encoding.UTF8.GetBytes(text.Replace(original, edited, StringComparison.Ordinal))), 0);
    }

    [Theory]
    [InlineData("claude-01-plain.ndjson", "\"output_tokens\":4,", "\"output_tokens\":-4,", "usage.output_tokens = -4")]
    [InlineData("claude-01-plain.ndjson", "\"input_tokens\":120,", "\"input_tokens\":99999999999999999999999,", "usage.input_tokens = 99999999999999999999999")]
    [InlineData("claude-01-plain.ndjson", "\"inputTokens\":120,", "\"inputTokens\":-120,", "modelUsage.claude-opus-5-5.inputTokens = -120")]
    [InlineData("codex-01-plain.ndjson", "\"output_tokens\":70,", "\"output_tokens\":-70,", "usage.output_tokens = -70")]
    [InlineData("codex-01-plain.ndjson", "\"cached_input_tokens\":1500,", "\"cached_input_tokens\":1e300,", "usage.cached_input_tokens = 1e300")]
    [InlineData("gemini-01-plain.ndjson", "\"cached\":300,\"input\":600,\"duration_ms\"", "\"cached\":300,\"input\":-600,\"duration_ms\"", "stats.input = -600")]
    [InlineData("opencode-01-plain.ndjson", "\"output\":4,", "\"output\":9007199254740993,", "part.tokens.output = 9007199254740993")]
    [InlineData("codex-05-appserver-steer.ndjson", "\"total\":{\"totalTokens\":2070,\"inputTokens\":2000", "\"total\":{\"totalTokens\":2070,\"inputTokens\":-2000", "tokenUsage.total.inputTokens = -2000")]
    public void Given_a_bad_token_count_Then_a_notice_names_the_field_and_value_and_the_tally_leaves_it_out(
        string transcript, string original, string edited, string named)
    {
        var run = ParseEdited(transcript, original, edited);

        var notice = Assert.Single(run.Of<Notice>(), n => n.Message.Contains(named, StringComparison.Ordinal));
        Assert.Equal("warning", notice.Level);
        var tokens = run.Tally().Tokens;
        Assert.True(tokens.Input >= 0 && tokens.CachedInput >= 0 && tokens.CacheWrite >= 0 && tokens.Output >= 0 && tokens.Reasoning >= 0, tokens.ToString());
        Assert.DoesNotContain(run.Of<UsageReported>(), u => u.Turn.Output < 0 || u.Turn.Input < 0 || u.Turn.CachedInput > 1_000_000);
    }

    [Theory]
    [InlineData("claude-01-plain.ndjson")]
    [InlineData("codex-01-plain.ndjson")]
    [InlineData("gemini-01-plain.ndjson")]
    [InlineData("opencode-01-plain.ndjson")]
    public void Given_good_token_counts_Then_no_notice_and_they_are_tallied(string transcript)
    {
        var run = Transcript.Parse(Parsers.For(transcript), transcript, 0);

        Assert.DoesNotContain(run.Of<Notice>(), n => n.Message.StartsWith("token count", StringComparison.Ordinal));
        Assert.NotEqual(0, run.Tally().Tokens.Output);
    }
}
