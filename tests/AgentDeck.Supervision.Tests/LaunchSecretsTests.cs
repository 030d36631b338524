using AgentDeck.Core;
using AgentDeck.Core.Workers;
using AgentDeck.Supervision.Tests.Support;
using AgentDeck.TestSupport;

namespace AgentDeck.Supervision.Tests;

/// <summary>A profile's tokens are in launch.json only until the agent has started.</summary>
public sealed class LaunchSecretsTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly FakeProcessRunner _runner = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Given_a_launch_with_a_profile_token_When_its_agent_has_started_Then_launch_json_keeps_the_names_and_plain_values_only()
    {
        var run = _state.NewRun();
        var files = new RunFiles(_state.Paths, run.Id);
        LaunchFile.Save(files, Launch(run.Id));
        Assert.Contains("tok-very-secret", File.ReadAllText(files.Launch), StringComparison.Ordinal);
        _runner.ExpectAgent().Stdout("turn", "text hi", "done");

        await Supervised.Create(_state, _runner, run.Id).RunAsync();

        var text = File.ReadAllText(files.Launch);
        var kept = LaunchFile.Load(files);
        Assert.DoesNotContain("very-secret", text, StringComparison.Ordinal);
        Assert.Equal(new Dictionary<string, string?> { ["CLAUDE_CODE_MAX_RETRIES"] = "2" }, kept.Environment);
        Assert.Equal(["ANTHROPIC_AUTH_TOKEN"], kept.SecretVariables);
        Assert.Empty(kept.Fallback!.Environment);
        Assert.Equal(("deep", "fix it"), (kept.Fallback.Profile, kept.Prompt));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.Launch));
    }

    [Fact]
    public void Given_a_launch_without_secrets_When_they_are_removed_Then_the_file_is_not_rewritten()
    {
        var run = _state.NewRun();
        var files = new RunFiles(_state.Paths, run.Id);
        LaunchFile.Save(files, new WorkerLaunch(run.Id, AgentKind.Claude, "hi", "/repo"));
        var written = File.GetLastWriteTimeUtc(files.Launch);
        File.SetLastWriteTimeUtc(files.Launch, written.AddMinutes(-5));

        LaunchFile.RemoveSecrets(files);

        Assert.Equal(written.AddMinutes(-5), File.GetLastWriteTimeUtc(files.Launch));
    }

    private static WorkerLaunch Launch(string runId)
    {
        var launch = new WorkerLaunch(runId, AgentKind.Claude, "fix it", "/repo")
        {
            Profile = "fast",
            Environment = new Dictionary<string, string?> { ["ANTHROPIC_AUTH_TOKEN"] = "tok-very-secret", ["CLAUDE_CODE_MAX_RETRIES"] = "2" },
            SecretVariables = ["ANTHROPIC_AUTH_TOKEN"],
        };
        return launch with
        {
            Fallback = launch with
            {
                RunId = "",
                Profile = "deep",
                Environment = new Dictionary<string, string?> { ["ANTHROPIC_API_KEY"] = "key-very-secret" },
                SecretVariables = ["ANTHROPIC_API_KEY"],
            },
        };
    }
}
