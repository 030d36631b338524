using AgentDeck.Cli.Commands.Export;
using AgentDeck.Cli.Common;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Tests;

public sealed class RunMarkdownTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Given_a_steered_run_When_exported_Then_the_timeline_has_the_message_with_its_sender_and_time()
    {
        var run = new RunRecord { Id = "01jsteer", Agent = "claude", StartedAt = Start, Prompt = "fix it" };
        var steer = new SteerSent("also cover the empty input", SteerSenders.Mcp);
        var stored = new StoredEvent(run.Id, 1, 0, RunStream.Stdout, Start.AddSeconds(12.5), steer.Kind, EventJson.Serialize(steer), null);

        var markdown = RunMarkdown.Write(run, [stored], diffStat: null);

        Assert.Contains("- `+  12.5s` steered from mcp: also cover the empty input\n", markdown, StringComparison.Ordinal);
        Assert.Equal("steered from mcp: also cover the empty input", EventSummary.Of(steer));
    }
}
