using AgentDeck.Core.Events;

namespace AgentDeck.Core.Parsing;

/// <summary>
/// Turns an agent CLI's output, one line at a time as it arrives, into normalized events. A parser keeps the state
/// a stream needs (cumulative totals to turn into per-turn deltas, open tool calls) and never throws on input:
/// anything it cannot read becomes an <see cref="Unparsed"/> event and parsing goes on.
/// </summary>
public interface IAgentStreamParser
{
    AgentKind Agent { get; }

    /// <summary>Parses one line (without its line terminator) and appends what it means to <paramref name="output"/>.</summary>
    void ParseLine(ReadOnlySpan<byte> line, ICollection<AgentEvent> output);

    /// <summary>
    /// The stream ended. <paramref name="exitCode"/> is the process exit code when known. Emits a
    /// <see cref="TurnCompleted"/> when the protocol left a turn open (a killed Codex, an OpenCode stream that just ends).
    /// </summary>
    void Complete(int? exitCode, ICollection<AgentEvent> output);
}
