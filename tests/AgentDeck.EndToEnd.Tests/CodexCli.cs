namespace AgentDeck.EndToEnd.Tests;

/// <summary>Runs the real Codex CLI (<c>codex exec --json</c>) against the mock through a provider table in config.toml.</summary>
public static class CodexCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>gpt-5.5 is a model Codex knows, so it offers apply_patch; an unknown id gets exec_command only.</summary>
    public const string KnownModel = "gpt-5.5";

    public static Task<ProcessResult> RunAsync(AgentCliFixture fixture, Sandbox sandbox, string prompt, params string[] extraArguments) =>
        RunWithModelAsync(fixture, sandbox, KnownModel, prompt, extraArguments);

    public static async Task<ProcessResult> RunWithModelAsync(AgentCliFixture fixture, Sandbox sandbox, string model, string prompt, params string[] extraArguments)
    {
        await WriteConfigAsync(fixture, sandbox, model);
        var environment = new Dictionary<string, string> { ["HOME"] = sandbox.Home, ["MOCK_KEY"] = "x" };
        string[] arguments = ["exec", "--json", .. extraArguments, prompt];
        return await ChildProcess.RunAsync(fixture.Clis.Codex, arguments, sandbox.Repo, environment, Timeout);
    }

    /// <summary>~/.codex/config.toml in the sandbox HOME: the model and the mock as the provider (key from MOCK_KEY).</summary>
    public static async Task WriteConfigAsync(AgentCliFixture fixture, Sandbox sandbox, string model)
    {
        var codexHome = Directory.CreateDirectory(Path.Combine(sandbox.Home, ".codex")).FullName;
        await File.WriteAllTextAsync(Path.Combine(codexHome, "config.toml"), $"""
            model = "{model}"
            model_provider = "mock"

            [model_providers.mock]
            name = "AgentDeck mock"
            base_url = "{fixture.MockUrl}/v1"
            env_key = "MOCK_KEY"
            wire_api = "responses"
            request_max_retries = 1
            stream_max_retries = 1
            """);
    }
}
