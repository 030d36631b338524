using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core;

namespace AgentDeck.Cli.Tests;

/// <summary>The role's escalation policy is planned at spawn time into the launch, so every spawner (run, TUI, detached) carries it.</summary>
public sealed class LaunchPlannerFallbackTests : IDisposable
{
    private const string Config = """
        [profiles.fast]
        agent = "claude"
        model = "mock-fast"

        [profiles.deep]
        agent = "codex"
        model = "mock-deep"
        env = { DEEP_FLAG = "1" }

        [routing.roles.implementation]
        fallback = "deep"

        [routing.roles.review]
        fallback = "missing"
        """;

    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Given_a_role_with_a_fallback_profile_When_planning_Then_the_launch_carries_the_fallback_launch()
    {
        var launch = Planner().Plan("r1", AgentKind.Claude, "fix it", "/repo", "implementation", null, "fast", write: true);

        var fallback = launch.Fallback!;
        Assert.Equal(("", AgentKind.Codex, "mock-deep", "deep"), (fallback.RunId, fallback.Agent, fallback.Model, fallback.Profile));
        Assert.Equal(("fix it", "/repo", "implementation", true), (fallback.Prompt, fallback.WorkingDirectory, fallback.Role, fallback.Write));
        Assert.Equal(launch.Persona, fallback.Persona);
        Assert.Equal(["-c", "model=\"mock-deep\""], fallback.ExtraArguments);
        Assert.Equal("1", fallback.Environment["DEEP_FLAG"]);
        Assert.Null(fallback.Fallback);
    }

    [Theory]
    [InlineData("implementation", "deep")] // already on the fallback profile
    [InlineData("review", "fast")] // the fallback profile does not exist
    [InlineData("testing", "fast")] // the role names no fallback
    [InlineData(null, "fast")] // no role at all
    public void Given_no_usable_fallback_When_planning_Then_the_launch_has_none(string? role, string profile)
    {
        var agent = profile == "deep" ? AgentKind.Codex : AgentKind.Claude;

        Assert.Null(Planner().Plan("r1", agent, "fix it", "/repo", role, null, profile, write: false).Fallback);
    }

    private LaunchPlanner Planner()
    {
        var config = Directory.CreateDirectory(Path.Combine(_home.Path, "user-home", ".config", "agentdeck")).FullName;
        File.WriteAllText(Path.Combine(config, "config.toml"), Config);
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, () => new MemoryStream(),
            new Dictionary<string, string> { ["AGENTDECK_HOME"] = _home.Path, ["HOME"] = Path.Combine(_home.Path, "user-home") }, _home.Path);
        return new LaunchPlanner(new CliContext(console));
    }
}
