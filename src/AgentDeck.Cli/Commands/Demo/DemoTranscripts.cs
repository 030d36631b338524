using AgentDeck.Core;

namespace AgentDeck.Cli.Commands.Demo;

/// <summary>The demo team: real transcripts embedded in the assembly (Commands/Demo/Transcripts).</summary>
public static class DemoTranscripts
{
    public static IReadOnlyList<DemoTranscript> All { get; } =
    [
        new("claude-02-tools.ndjson", AgentKind.Claude, "implementation", "Create hello.txt, list the folder, then edit the file.", 0),
        new("codex-02-tools.ndjson", AgentKind.Codex, "implementation", "Create notes.txt, list files, and edit it.", 0),
        new("gemini-02-tools.ndjson", AgentKind.Gemini, "testing", "Write a file and run a command.", 0),
        new("opencode-02-tools.ndjson", AgentKind.OpenCode, "ops", "Write a file and run a command.", 0),
        new("codex-05-appserver-steer.ndjson", AgentKind.Codex, "review", "A long review, steered and then interrupted.", 0),
        new("claude-07-err500.ndjson", AgentKind.Claude, "security", "Audit the login flow (the model API fails).", 1),
        new("claude-08-maxturns.ndjson", AgentKind.Claude, "architecture", "Sketch the module layout (hits --max-turns).", 1),
        new("claude-06-resume.ndjson", AgentKind.Claude, "requirements", "Resume: what did we do earlier?", 0),
    ];

    public static Stream Open(DemoTranscript transcript) =>
        typeof(DemoTranscripts).Assembly.GetManifestResourceStream("AgentDeck.Demo." + transcript.File)
        ?? throw new InvalidOperationException($"demo transcript {transcript.File} is not embedded in the build");
}
