using System.Text.Json.Nodes;
using AgentDeck.Core.Processes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// The built <c>agentdeck</c> CLI (<c>dotnet agentdeck.dll</c>) for one sandbox: its own AGENTDECK_HOME and HOME, the
/// pinned claude/codex first on PATH, Claude pointed at the mock, and Codex's config.toml naming the mock provider.
/// </summary>
public sealed class Deck
{
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan PollSafetyNet = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    private readonly Sandbox _sandbox;
    private readonly Dictionary<string, string> _environment;

    private Deck(Sandbox sandbox, Dictionary<string, string> environment)
    {
        _sandbox = sandbox;
        _environment = environment;
        StateDirectory = environment["AGENTDECK_HOME"];
    }

    public string StateDirectory { get; }

    public static string Dll { get; } = Path.Combine(RepoPaths.Root, "src", "AgentDeck.Cli", "bin", BuildConfiguration, "net10.0", "agentdeck.dll");

    private static string BuildConfiguration => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/')).Parent!.Name;

    public static async Task<Deck> CreateAsync(AgentCliFixture fixture, Sandbox sandbox)
    {
        Assert.True(File.Exists(Dll), $"build the CLI first: {Dll} is missing");
        var tools = Path.GetDirectoryName(fixture.Clis.Claude)!;
        var environment = new Dictionary<string, string>
        {
            // Made as AgentDeck makes it (owner only), so no verb has to tighten it and say so.
            ["AGENTDECK_HOME"] = Directory.CreateDirectory(Path.Combine(sandbox.Root, "state"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute).FullName,
            ["HOME"] = sandbox.Home,
            ["PATH"] = tools + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["ANTHROPIC_BASE_URL"] = fixture.MockUrl,
            ["ANTHROPIC_API_KEY"] = "sk-test",
            ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
            ["DISABLE_AUTOUPDATER"] = "1",
            ["CLAUDE_CODE_MAX_RETRIES"] = "2",
            ["MOCK_KEY"] = "x",
            ["AGENTDECK_HOST_IDLE_SECONDS"] = "5",
        };
        await CodexCli.WriteConfigAsync(fixture, sandbox, CodexCli.KnownModel);
        return new Deck(sandbox, environment);
    }

    /// <summary>Leaves a variable out of every command's environment (e.g. the API key, to make a profile's the only one).</summary>
    public void Unset(string variable) => _environment.Remove(variable);

    /// <summary>Writes the user's AgentDeck config (<c>~/.config/agentdeck/config.toml</c> in the sandbox HOME).</summary>
    public Task WriteUserConfigAsync(string toml)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_sandbox.Home, ".config", "agentdeck")).FullName;
        return File.WriteAllTextAsync(Path.Combine(folder, "config.toml"), toml);
    }

    /// <summary>Writes <c>[limits]</c> into the scratch repo's <c>.agentdeck/config.toml</c>.</summary>
    public Task SetLimitsAsync(string limits)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_sandbox.Repo, ".agentdeck")).FullName;
        return File.WriteAllTextAsync(Path.Combine(folder, "config.toml"), "[limits]\n" + limits + "\n");
    }

    public Task<ProcessResult> CliAsync(params string[] arguments) =>
        ChildProcess.RunAsync("dotnet", [Dll, .. arguments], _sandbox.Repo, _environment, CommandTimeout);

    /// <summary>
    /// The prompt tagged with this sandbox: the mock finds a conversation's step by its text, and the raw-CLI tests
    /// send the same scenario prompts to the same mock.
    /// </summary>
    public string Unique(string prompt) => $"[{Path.GetFileName(_sandbox.Root)}] {prompt}";

    /// <summary>A front end that keeps running (e.g. <c>agentdeck run</c> following its worker), in its own session.</summary>
    public IRunningProcess Start(params string[] arguments) =>
        ChildProcess.Runner.Start(ChildProcess.Spec("dotnet", [Dll, .. arguments], _sandbox.Repo, _environment) with
        {
            Grouping = ProcessGrouping.NewSession,
        });

    public async Task<ProcessResult> SucceedAsync(params string[] arguments)
    {
        var result = await CliAsync(arguments);
        Assert.True(result.ExitCode == 0, result.Describe());
        return result;
    }

    /// <summary><c>agentdeck run --detach</c>; returns the run id.</summary>
    public async Task<string> RunDetachedAsync(string agent, string prompt, params string[] options)
    {
        var result = await SucceedAsync(["run", "--agent", agent, "--detach", .. options, Unique(prompt)]);
        return result.Stdout.Trim();
    }

    /// <summary><c>agentdeck wait RUN…</c> (exit 0 only when every run succeeded); the runs as JSON.</summary>
    public async Task<(ProcessResult Result, IReadOnlyList<JsonObject> Runs)> WaitAsync(params string[] runIds)
    {
        var result = await CliAsync(["wait", "--timeout", "240", .. runIds]);
        return (result, JsonLines.Parse(result).Lines);
    }

    public async Task<JsonObject> StatusAsync(string runId) => SingleObject(await SucceedAsync("status", runId, "--json"));

    public async Task<JsonObject> ShowAsync(string runId) => SingleObject(await SucceedAsync("show", runId, "--json"));

    /// <summary><c>agentdeck events RUN --json --raw</c>: the ledger's events with the raw line each came from.</summary>
    public async Task<IReadOnlyList<JsonObject>> EventsAsync(string runId) => JsonLines.Parse(await SucceedAsync("events", runId, "--json", "--raw")).Lines;

    /// <summary>Polls <c>status --json</c> until the condition holds (the safety net only catches a hang).</summary>
    public async Task<JsonObject> UntilAsync(string runId, Func<JsonObject, bool> condition, string what)
    {
        using var safetyNet = new CancellationTokenSource(PollSafetyNet);
        JsonObject status;
        while (!condition(status = await StatusAsync(runId)))
        {
            Assert.False(safetyNet.IsCancellationRequested, $"run {runId} never reached: {what}; last status {status.ToJsonString()}");
            await Task.Delay(PollInterval);
        }

        return status;
    }

    /// <summary>Polls the ledger's events until the agent has started a tool (the turn is then surely still running).</summary>
    public async Task UntilToolStartedAsync(string runId)
    {
        using var safetyNet = new CancellationTokenSource(PollSafetyNet);
        while (!(await EventsAsync(runId)).OfKind("tool_call_started").Any())
        {
            Assert.False(safetyNet.IsCancellationRequested, $"run {runId} never started a tool; status {(await StatusAsync(runId)).ToJsonString()}");
            await Task.Delay(PollInterval);
        }
    }

    public string RunFile(string runId, string name) => Path.Combine(StateDirectory, "runs", runId, name);

    public static string Status(JsonObject run) => (string)run["status"]!;

    private static JsonObject SingleObject(ProcessResult result) =>
        JsonNode.Parse(result.Stdout) as JsonObject ?? throw new InvalidOperationException("not a JSON object:\n" + result.Describe());
}
