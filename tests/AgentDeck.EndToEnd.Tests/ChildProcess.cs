using System.Diagnostics;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// The only place these tests start processes (install script, git, claude, codex). Standard input is closed at
/// once, because both CLIs read piped stdin as extra prompt text. The project's process-runner seam replaces this later.
/// </summary>
public static class ChildProcess
{
    private static readonly string[] InheritedNoise =
    [
        "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL", "ANTHROPIC_MODEL", "CLAUDE_CONFIG_DIR", "CLAUDECODE",
        "CLAUDE_CODE_ENTRYPOINT", "OPENAI_API_KEY", "OPENAI_BASE_URL", "CODEX_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME",
    ];

    public static async Task<ProcessResult> RunAsync(
        string file,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedNoise)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var command = file + " " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? $"'{a}'" : a));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        return new ProcessResult(command, timedOut ? -1 : process.ExitCode, await stdout, await stderr, timedOut);
    }
}
