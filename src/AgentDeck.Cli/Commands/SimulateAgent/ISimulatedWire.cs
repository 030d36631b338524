using AgentDeck.Core.Events;

namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>
/// One agent CLI's wire format for a simulated agent: reads its stdin protocol (answering handshakes at once) and
/// writes what a scripted turn does in the lines that CLI prints.
/// </summary>
public interface ISimulatedWire
{
    /// <summary>Whether edits and commands are allowed (Claude: its permission mode; Codex: the thread's sandbox).</summary>
    bool WriteAllowed { get; }

    /// <summary>Reads one stdin line, answers protocol requests, and returns what the agent should do (or null).</summary>
    SimulatorMessage? Accept(string line);

    void TurnStarted(string prompt);

    /// <summary>A steering message joined the running turn.</summary>
    void SteerJoined(string text);

    void MessageStarted();

    void BlockStarted(bool thinking);

    void BlockDelta(bool thinking, string chunk);

    void BlockFinished(bool thinking, string text);

    void ToolRequested(SimulatedToolCall call);

    void MessageFinished(TokenUsage usage, bool toolUse);

    void ToolFinished(SimulatedToolCall call, ToolOutcome outcome);

    void TurnFinished(TurnEnd end);
}
