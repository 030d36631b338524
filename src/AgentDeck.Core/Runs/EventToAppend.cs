using AgentDeck.Core.Events;

namespace AgentDeck.Core.Runs;

/// <summary>
/// An event on its way into the ledger. <see cref="LineNo"/> is the 1-based line of the raw log it came from
/// (0 when the parser made it at the end of the stream); <see cref="Raw"/> is that line's bytes, given on the first
/// event of a line only and null on the others. Mind that a null <c>byte[]</c> converts to an empty, non-null
/// memory: write <c>(ReadOnlyMemory&lt;byte&gt;?)null</c> for "no raw bytes".
/// </summary>
public readonly record struct EventToAppend(
    AgentEvent Event,
    RunStream Stream,
    long LineNo,
    DateTimeOffset Time,
    ReadOnlyMemory<byte>? Raw = null);
