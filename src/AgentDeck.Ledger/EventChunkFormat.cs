namespace AgentDeck.Ledger;

/// <summary>
/// Events are stored packed, several to a row of <c>event_chunks</c>: one SQLite row costs several microseconds
/// whatever its size, more than parsing a typical line, so ingest writes one row per chunk of up to
/// <see cref="MaxEvents"/> events. Reading any seq decodes at most one chunk before it.
/// <para>
/// Version 2, written now, per event: a flags byte (bit 0 stderr, bits 1–2 the raw line's form, bit 3 kind written
/// out), the line number and the time in unix ms as zigzag varint differences from the chunk's previous event, the
/// kind only when the payload does not open with it (<c>{"kind":"…"</c>), the payload (varint length + UTF-8), then
/// the raw line: none, inline (varint length + bytes), or a place in the stream's raw log (offset as a zigzag
/// difference from just past the stream's previous logged line and its newline, then the length). Consecutive lines
/// so cost a byte or two of framing instead of version 1's ~30. Version 1 (line varint, stream byte, 8-byte time,
/// kind and payload with lengths, raw kind byte, absolute offset) is still read.
/// </para>
/// </summary>
internal static class EventChunkFormat
{
    /// <summary>The first byte of every chunk body: bump it and keep a reader for the old one if the layout changes.</summary>
    public const byte Version = 2;

    public const byte Version1 = 1;

    public const int MaxEvents = 256;

    /// <summary>
    /// A chunk is closed before an event that would take its body past this size (a chunk of one event may be any
    /// size). The ledger's 16 KiB pages then hold one chunk each nearly full, where chunks of a fixed count left a
    /// quarter of every page empty, and every byte written reaches the disk twice (the WAL, then the checkpoint).
    /// </summary>
    public const int FitBytes = 16_000;

    public const byte NoRaw = 0;
    public const byte InlineRaw = 1;
    public const byte LoggedRaw = 2;

    public const byte StderrFlag = 1;
    public const int RawKindShift = 1;
    public const byte RawKindMask = 3;
    public const byte KindWrittenFlag = 8;

    /// <summary>What every payload the ledger writes opens with; the kind follows up to the next quote.</summary>
    public static ReadOnlySpan<byte> KindOpening => "{\"kind\":\""u8;
}
