using AgentDeck.Core.Processes;

namespace AgentDeck.Core.Workers;

/// <summary>
/// Speaks one agent CLI's control protocol for one worker. Pure: it builds the command line and the stdin lines to
/// write, and reacts to stdout lines; the supervisor owns the process and does the writing. Stateful per worker
/// (Codex's app-server needs the thread id from one response before it can start a turn).
/// </summary>
public interface IAgentDriver
{
    AgentKind Agent { get; }

    /// <summary>The process to start. Stdin is a pipe when the driver speaks a stdin protocol.</summary>
    ProcessSpec Spec { get; }

    /// <summary>True when steering and interrupting reach the running process (Claude stream-json, Codex app-server).</summary>
    bool IsLive { get; }

    /// <summary>Lines to write to stdin right after the process started (the first user message, handshakes).</summary>
    IReadOnlyList<string> OnStarted();

    /// <summary>Lines to write in reaction to one stdout line (e.g. <c>turn/start</c> once <c>thread/start</c> answered).</summary>
    IReadOnlyList<string> OnStdoutLine(ReadOnlySpan<byte> line);

    /// <summary>How to deliver a steering message now.</summary>
    SteerPlan Steer(string message);

    /// <summary>Lines that interrupt the running turn, or null when only SIGINT can (the supervisor then signals).</summary>
    IReadOnlyList<string>? Interrupt();

    /// <summary>True once the current turn has ended according to the protocol (the supervisor may then close stdin).</summary>
    bool TurnFinished { get; }
}
