using AgentDeck.Cli.Commands.Export;
using AgentDeck.Cli.Common;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Tests;

public sealed class RunMarkdownTests
{
    private const string Esc = "\u001b";
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static StoredEvent Stored(long seq, AgentEvent e, RunStream stream = RunStream.Stdout) =>
        new("r1", seq, seq, stream, Start.AddSeconds(seq), e.Kind, EventJson.Serialize(e), null);

    [Fact]
    public void Given_codex_stderr_with_colour_codes_When_exported_Then_the_markdown_has_no_terminal_control_sequences()
    {
        var run = new RunRecord
        {
            Id = "r1", Agent = "codex", Status = RunStatus.Failed, FailureReason = "api_error", StartedAt = Start,
            Prompt = $"fix {Esc}[1mit{Esc}[0m", FinalText = $"done{Esc}]0;title\u0007 at last\nsecond {Esc}[32mline{Esc}[0m",
        };
        IReadOnlyList<StoredEvent> events =
        [
            Stored(1, new Notice("stderr", $"{Esc}[2m2026-12-01T09:00:01Z{Esc}[0m {Esc}[31mERROR{Esc}[0m codex_core::tools::router: error=patch rejected", "stderr"), RunStream.Stderr),
            Stored(2, new ToolCallStarted("c1", "shell", $"ls {Esc}[K-la", [])),
            Stored(3, new ApiError(400, "invalid_request_error", $"{Esc}[31mbad request{Esc}[0m")),
        ];

        var markdown = RunMarkdown.Write(run, events, diffStat: $" a.txt | 1 {Esc}[32m+{Esc}[m");

        Assert.DoesNotContain(Esc, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", markdown, StringComparison.Ordinal);
        Assert.Contains("2026-12-01T09:00:01Z ERROR codex_core::tools::router: error=patch rejected", markdown, StringComparison.Ordinal);
        Assert.Contains("> second line", markdown, StringComparison.Ordinal);
        Assert.Contains("fix it", markdown, StringComparison.Ordinal);
        Assert.Contains("a.txt | 1 +", markdown, StringComparison.Ordinal);
    }

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
