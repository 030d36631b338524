using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Tests;

/// <summary>Runs the real <c>agentdeck</c> command tree in-process with captured streams and a private state folder.</summary>
public sealed class CliRun
{
    public required int ExitCode { get; init; }
    public required string Out { get; init; }
    public required string Error { get; init; }

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public static async Task<CliRun> InvokeAsync(string home, string[] args, byte[]? stdin = null, string? cwd = null, string? path = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new Dictionary<string, string>
        {
            ["AGENTDECK_HOME"] = home,
            ["HOME"] = Path.Combine(home, "user-home"),
            ["PATH"] = path ?? System.Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
        };
        var console = new CliConsole(
            output,
            error,
            () => new MemoryStream(stdin ?? []),
            environment,
            cwd ?? Directory.GetCurrentDirectory());
        var exitCode = await CliApp.RunAsync(args, console);
        return new CliRun { ExitCode = exitCode, Out = output.ToString(), Error = error.ToString() };
    }
}
