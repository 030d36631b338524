using AgentDeck.Agents.Drivers.Shared;
using AgentDeck.Core;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Drivers.Claude;

/// <summary>
/// A live Claude worker: <c>claude -p --input-format stream-json</c>. The prompt is the first stdin <c>user</c> line;
/// a later <c>user</c> line joins the running turn, or starts a new one once a <c>result</c> ended the last.
/// </summary>
public sealed class ClaudeDriver(WorkerLaunch launch, AgentDriverOptions options) : IAgentDriver
{
    private int interrupts;

    public AgentKind Agent => AgentKind.Claude;

    public ProcessSpec Spec { get; } = WorkerSpec.Build(launch, options, ClaudeArguments.For(launch), StdinMode.Pipe);

    public bool IsLive => true;

    public bool TurnFinished { get; private set; }

    public IReadOnlyList<string> OnStarted()
    {
        TurnFinished = false;
        return [ClaudeStdin.User(launch.Prompt)];
    }

    public IReadOnlyList<string> OnStdoutLine(ReadOnlySpan<byte> line)
    {
        if (JsonProbe.TopLevelString(line, "type"u8) == "result")
        {
            TurnFinished = true;
        }

        return [];
    }

    public SteerPlan Steer(string message)
    {
        // After a result the same line starts the next turn, which is not finished until its own result.
        TurnFinished = false;
        return SteerPlan.Live(ClaudeStdin.User(message));
    }

    public IReadOnlyList<string>? Interrupt() =>
        [ClaudeStdin.Interrupt($"agentdeck-interrupt-{++interrupts}-{Guid.NewGuid():N}")];
}
