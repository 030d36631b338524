using AgentDeck.Cli.Commands.Supervise;
using AgentDeck.Core;
using AgentDeck.Core.Workers;

namespace AgentDeck.Cli.Tests;

public sealed class RequestDriversTests
{
    private static readonly WorkerLaunch Launch = new("run-1", AgentKind.Claude, "hello", "/tmp");

    [Fact]
    public void Given_the_asking_front_ends_environment_When_the_host_builds_drivers_Then_its_agent_command_override_is_used()
    {
        var environment = new Dictionary<string, string> { ["AGENTDECK_CLAUDE_COMMAND"] = "/opt/fake/claude" };

        var spec = RequestDrivers.For(environment).Create(Launch).Spec;

        Assert.Equal("/opt/fake/claude", spec.FileName);
    }

    [Fact]
    public void Given_an_environment_without_overrides_When_the_host_builds_drivers_Then_the_real_cli_is_used()
    {
        var spec = RequestDrivers.For(new Dictionary<string, string> { ["PATH"] = "/usr/bin" }).Create(Launch).Spec;

        Assert.Equal("claude", spec.FileName);
    }
}
