using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Commands.Tui;

/// <summary>What a reviewer worker is asked when it cross-reviews another worker's result.</summary>
public static class CrossReviewPrompt
{
    public static string For(RunRecord original, string reviewerRole) =>
        $"""
        You are cross-reviewing the result of another agent ({original.Agent}{(original.Role is { } role ? $", role {role}" : "")}, run {original.Id}) as the {reviewerRole} role.
        Its task was:
        {original.Prompt ?? "(not recorded)"}

        Its final result was:
        {original.FinalText}

        Files it changed: {(original.FilesTouched.Count == 0 ? "none" : string.Join(", ", original.FilesTouched))}

        Check the result against the task and the repository. List what you agree with, every concrete problem you find
        (with file and line where you can), and end with one line: VERDICT: agree | disagree | partly.
        """;
}
