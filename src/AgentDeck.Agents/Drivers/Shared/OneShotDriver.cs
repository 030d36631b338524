using AgentDeck.Core;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Drivers.Shared;

/// <summary>
/// A worker whose prompt is on the command line and whose stdin stays closed (Codex <c>exec</c>, Gemini, OpenCode).
/// Steering waits for the turn to end and resumes the session; only SIGINT interrupts it.
/// </summary>
internal sealed class OneShotDriver(AgentKind agent, ProcessSpec spec, IReadOnlySet<string> finalLineTypes) : IAgentDriver
{
    public AgentKind Agent => agent;

    public ProcessSpec Spec => spec;

    public bool IsLive => false;

    public bool TurnFinished { get; private set; }

    public IReadOnlyList<string> OnStarted() => [];

    public IReadOnlyList<string> OnStdoutLine(ReadOnlySpan<byte> line)
    {
        if (JsonProbe.TopLevelString(line, "type"u8) is { } type && finalLineTypes.Contains(type))
        {
            TurnFinished = true;
        }

        return [];
    }

    public SteerPlan Steer(string message) => SteerPlan.AfterTurn;

    public IReadOnlyList<string>? Interrupt() => null;
}
