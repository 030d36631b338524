using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Core.Tests;

public sealed class DeniedToolCallsTests
{
    // Codex 0.169.0's stderr for an apply_patch its read-only sandbox rejected (ANSI colours as printed).
    private const string CodexPatchRejected =
        "\u001b[2m2026-12-08T02:06:20.865769Z\u001b[0m \u001b[31mERROR\u001b[0m \u001b[2mcodex_core::tools::router\u001b[0m\u001b[2m:\u001b[0m "
        + "\u001b[3merror\u001b[0m\u001b[2m=\u001b[0mpatch rejected: writing is blocked by read-only sandbox; rejected by user approval settings";

    private const string CodexPatchFailed =
        "\u001b[31mERROR\u001b[0m \u001b[2mcodex_core::tools::router\u001b[0m: error=apply_patch verification failed: Failed to read file to update /r/hello.txt";

    [Fact]
    public void Given_a_call_denied_three_ways_by_claude_When_tallied_Then_it_counts_once()
    {
        var tally = new RunTally();

        tally.Apply(new PermissionDenied("Write", "toolu_1", "system/permission_denied"));
        tally.Apply(new PermissionDenied("Write", "toolu_1", "tool_result error"));
        tally.Apply(new PermissionDenied("Write", "toolu_1", "result.permission_denials"));
        tally.Apply(new PermissionDenied("Bash", "toolu_2", "denied"));
        tally.Apply(new TurnCompleted(TurnOutcome.Succeeded, "Done: wrote hello.txt", null));

        Assert.Equal((RunStatus.Succeeded, 2), (tally.Status, tally.DeniedToolCalls));
        Assert.Equal("succeeded, 2 denied", RunOutcomeLabel.Of(tally.Status, tally.DeniedToolCalls));
    }

    [Fact]
    public void Given_codex_stderr_When_a_patch_was_rejected_by_the_sandbox_Then_it_is_a_denied_call_and_other_errors_are_not()
    {
        var tally = new RunTally();

        tally.Apply(new Notice("stderr", CodexPatchRejected, "stderr"));
        tally.Apply(new Notice("stderr", CodexPatchFailed, "stderr"));
        tally.Apply(new Notice("warning", "patch rejected: quoted in a warning, not the router's log"));

        Assert.Equal(1, tally.DeniedToolCalls);
    }

    [Fact]
    public void Given_denials_without_call_ids_Then_each_counts()
    {
        var tally = new RunTally();

        tally.Apply(new PermissionDenied("apply_patch", null, "declined"));
        tally.Apply(new PermissionDenied("apply_patch", null, "declined"));

        Assert.Equal(2, tally.DeniedToolCalls);
    }

    [Fact]
    public void Given_no_denials_Then_the_label_is_the_status_alone()
    {
        Assert.Equal("succeeded", RunOutcomeLabel.Of(RunStatus.Succeeded, 0));
    }
}
