using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentDeck.Tui.Tests.Support;

/// <summary>The built <c>agentdeck</c> (<c>dotnet agentdeck.dll</c>), run as a child process for a ledger's state as the CLI reports it.</summary>
public sealed class AgentdeckCli(string directory, IReadOnlyDictionary<string, string> environment)
{
    public static string Dll { get; } = Path.Combine(Golden.ProjectDirectory(ThisFile()), "..", "..", "src", "AgentDeck.Cli", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name, "net10.0", "agentdeck.dll");

    /// <summary>The command line that starts the app (for tmux).</summary>
    public static string Command(string arguments = "") => $"dotnet {Dll} {arguments}".TrimEnd();

    public JsonArray Runs() => (JsonArray)Json("runs", "--json");

    public JsonObject Show(string runId) => (JsonObject)Json("show", runId, "--json");

    /// <summary>The run's events as the ledger holds them (JSON lines).</summary>
    public IReadOnlyList<JsonObject> Events(string runId) =>
        Run("events", runId, "--json").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => (JsonObject)JsonNode.Parse(l)!).ToList();

    private JsonNode Json(params string[] arguments) => JsonNode.Parse(Run(arguments)) ?? throw new JsonException("no JSON from agentdeck " + string.Join(' ', arguments));

    private string Run(params string[] arguments)
    {
        Assert.True(File.Exists(Dll), $"{Dll} is missing; build src/AgentDeck.Cli");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        start.ArgumentList.Add(Dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"agentdeck {string.Join(' ', arguments)} exited {process.ExitCode}: {errors.Result}");
        return output;
    }

    private static string ThisFile([System.Runtime.CompilerServices.CallerFilePath] string file = "") => file;
}
