using AgentDeck.Core.Processes;
using AgentDeck.Processes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// The only place these tests start processes (install script, git, claude, codex, agentdeck), always through the
/// project's process-runner seam. Standard input is closed at once, because both CLIs read piped stdin as extra prompt
/// text. Variables that would point a CLI at a real account are removed.
/// </summary>
public static class ChildProcess
{
    public static readonly IProcessRunner Runner = new ProcessRunner();

    private static readonly string[] InheritedNoise =
    [
        "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL", "ANTHROPIC_MODEL", "CLAUDE_CONFIG_DIR", "CLAUDECODE",
        "CLAUDE_CODE_ENTRYPOINT", "OPENAI_API_KEY", "OPENAI_BASE_URL", "CODEX_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME",
        "AGENTDECK_HOME",
    ];

    public static ProcessSpec Spec(string file, IReadOnlyList<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var changes = InheritedNoise.ToDictionary(name => name, _ => (string?)null);
        foreach (var (name, value) in environment)
        {
            changes[name] = value;
        }

        return new ProcessSpec(file, arguments) { WorkingDirectory = workingDirectory, Environment = changes };
    }

    public static async Task<ProcessResult> RunAsync(
        string file,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout)
    {
        var spec = Spec(file, arguments, workingDirectory, environment) with { Grouping = ProcessGrouping.NewSession };
        var result = await Runner.RunAsync(spec, stdinText: null, timeout);
        return new ProcessResult(spec.CommandLine, result.TimedOut ? -1 : result.ExitCode, result.Stdout, result.Stderr, result.TimedOut);
    }
}
