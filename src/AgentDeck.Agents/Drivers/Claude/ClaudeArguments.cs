using AgentDeck.Agents.Drivers.Shared;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Drivers.Claude;

/// <summary>The <c>claude</c> command line of a live stream-json worker (agent-protocols.md §1.1, §1.5, §1.8).</summary>
public static class ClaudeArguments
{
    // Read-only uses dontAsk with only the read tools allowed rather than plan: behind a custom base URL, plan mode's
    // Bash decisions go to the auto-mode classifier, which the gateway does not pass through ("Auto mode is
    // unavailable", §1.5 / claude-03-deny-plan), and with a direct key the classifier may let commands run. dontAsk
    // denies every tool not listed, with no server-side check (claude-03-deny-dontAsk), and leaves the system prompt
    // free of plan-mode instructions.
    public const string ReadOnlyTools = "Read Glob Grep";

    // acceptEdits plus these allowed tools is the combination seen running Write, Edit and Bash headless (§1.5).
    public const string WriteTools = "Bash Edit Write";

    public static IReadOnlyList<string> For(WorkerLaunch launch)
    {
        List<string> arguments =
        [
            "-p",
            "--input-format", "stream-json",
            "--output-format", "stream-json",
            "--verbose",
            "--include-partial-messages",
            "--permission-mode", launch.Write ? "acceptEdits" : "dontAsk",
            "--allowedTools", launch.Write ? WriteTools : ReadOnlyTools,
        ];
        arguments.AddIf(launch.Model, "--model");
        arguments.AddIf(launch.Persona is null ? null : JsonLine.Clean(launch.Persona), "--append-system-prompt");
        arguments.AddIf(launch.ResumeSessionId, "--resume");
        arguments.AddRange(launch.ExtraArguments);
        return arguments;
    }
}
