namespace AgentDeck.Core.Workers;

/// <summary>Creates the driver for a launch; the one place that knows which CLI flags each agent takes.</summary>
public interface IAgentDriverFactory
{
    IAgentDriver Create(WorkerLaunch launch);
}
