using AgentDeck.Agents.Drivers;
using AgentDeck.Core.Workers;

namespace AgentDeck.Cli.Commands.Supervise;

/// <summary>
/// The host serves front ends started from different shells: a run's drivers honour the agent-command overrides
/// (<c>AGENTDECK_&lt;AGENT&gt;_COMMAND</c>) of the environment that asked for the run, not the host's own.
/// </summary>
public static class RequestDrivers
{
    public static IAgentDriverFactory For(IReadOnlyDictionary<string, string>? environment) =>
        environment is null
            ? new AgentDriverFactory()
            : new AgentDriverFactory(AgentDriverOptions.FromEnvironment(name => environment.GetValueOrDefault(name)));
}
