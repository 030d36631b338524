using AgentDeck.Core;

namespace AgentDeck.Discovery.Doctor;

/// <summary>A program doctor looks for: how to ask its version, whether AgentDeck needs it, and how to install it.</summary>
public sealed record ProgramProbe(string Program, IReadOnlyList<string> VersionArguments, bool Required, string InstallHint, AgentKind? Agent = null)
{
    public static IReadOnlyList<ProgramProbe> Agents { get; } =
    [
        new("claude", ["--version"], false, "install Claude Code: npm install -g @anthropic-ai/claude-code", AgentKind.Claude),
        new("codex", ["--version"], false, "install Codex CLI: npm install -g @openai/codex", AgentKind.Codex),
        new("gemini", ["--version"], false, "install Gemini CLI: npm install -g @google/gemini-cli", AgentKind.Gemini),
        new("opencode", ["--version"], false, "install OpenCode: npm install -g opencode-ai", AgentKind.OpenCode),
    ];

    public static IReadOnlyList<ProgramProbe> Tools { get; } =
    [
        new("git", ["--version"], true, "install git (AgentDeck gives each worker its own git worktree)"),
        new("tmux", ["-V"], false, "install tmux to attach to workers from other terminals"),
    ];
}
