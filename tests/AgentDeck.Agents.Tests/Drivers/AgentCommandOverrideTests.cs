using AgentDeck.Agents.Drivers;
using AgentDeck.Core;

namespace AgentDeck.Agents.Tests.Drivers;

/// <summary>AGENTDECK_&lt;AGENT&gt;_COMMAND replaces an agent's CLI with a whole command (how the demo runs its simulated agent).</summary>
public sealed class AgentCommandOverrideTests
{
    [Fact]
    public void Given_a_json_command_for_claude_when_a_driver_is_built_then_the_command_leads_and_claudes_own_arguments_follow()
    {
        var options = AgentDriverOptions.FromEnvironment(Variables(("AGENTDECK_CLAUDE_COMMAND", """["dotnet", "/x/agentdeck.dll", "simulate-agent", "--agent", "claude", "--"]""")));

        var spec = new AgentDriverFactory(options).Create(Launches.Of(AgentKind.Claude, write: true)).Spec;

        Assert.Equal("dotnet", spec.FileName);
        Assert.Equal(["/x/agentdeck.dll", "simulate-agent", "--agent", "claude", "--", "-p", "--input-format", "stream-json"], spec.Arguments.Take(8));
        Assert.Contains("acceptEdits", spec.Arguments);
    }

    [Fact]
    public void Given_a_plain_path_for_codex_when_a_driver_is_built_then_it_runs_that_program_with_the_app_server_arguments()
    {
        var options = AgentDriverOptions.FromEnvironment(Variables(("AGENTDECK_CODEX_COMMAND", "/opt/codex/bin/codex")));

        var spec = new AgentDriverFactory(options).Create(Launches.Of(AgentKind.Codex)).Spec;

        Assert.Equal("/opt/codex/bin/codex", spec.FileName);
        Assert.Equal("app-server", spec.Arguments[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("[\"dotnet\", 3]")]
    [InlineData("[not json")]
    public void Given_no_usable_override_when_a_driver_is_built_then_the_agents_own_program_runs(string value)
    {
        var options = AgentDriverOptions.FromEnvironment(Variables(("AGENTDECK_CLAUDE_COMMAND", value)));

        Assert.Equal("claude", new AgentDriverFactory(options).Create(Launches.Of(AgentKind.Claude)).Spec.FileName);
    }

    [Fact]
    public void The_variable_is_named_after_the_agent() =>
        Assert.Equal("AGENTDECK_OPENCODE_COMMAND", AgentDriverOptions.CommandVariable(AgentKind.OpenCode));

    private static Func<string, string?> Variables(params (string Name, string Value)[] pairs) =>
        name => pairs.FirstOrDefault(p => p.Name == name).Value;
}
