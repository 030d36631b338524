using AgentDeck.Core.Runs;

namespace AgentDeck.Ledger;

/// <summary>
/// Builds one chunk body in <see cref="EventChunkFormat"/> version 2. Each call makes room once and then writes into
/// the array directly: ingest writes every event through here.
/// </summary>
internal sealed class EventChunkWriter
{
    private const int MaxVarintBytes = 10;

    /// <summary>Flags, line, time, three lengths, the raw offset: the framing of one event at most.</summary>
    private const int MaxFramingBytes = 1 + (6 * MaxVarintBytes);

    private byte[] _body = new byte[EventChunkFormat.FitBytes + 1024];
    private int _length;
    private long _previousLine;
    private long _previousTime;
    private long _nextStdoutOffset;
    private long _nextStderrOffset;

    public int Count { get; private set; }

    public ReadOnlySpan<byte> Body => _body.AsSpan(0, _length);

    public bool IsFull => Count >= EventChunkFormat.MaxEvents || _length >= EventChunkFormat.FitBytes;

    public void Clear()
    {
        _length = 0;
        Count = 0;
        _previousLine = 0;
        _previousTime = 0;
        _nextStdoutOffset = 0;
        _nextStderrOffset = 0;
    }

    /// <summary>Adds an event without a raw line; false, with nothing written, when it would not fit (see <see cref="TryAdd"/>).</summary>
    public bool TryAddWithoutRaw(long lineNo, RunStream stream, long timeMillis, ReadOnlySpan<byte> kind, ReadOnlySpan<byte> payload) =>
        TryAdd(lineNo, stream, timeMillis, kind, payload, EventChunkFormat.NoRaw, default, 0, 0);

    public bool TryAddWithInlineRaw(long lineNo, RunStream stream, long timeMillis, ReadOnlySpan<byte> kind, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> raw) =>
        TryAdd(lineNo, stream, timeMillis, kind, payload, EventChunkFormat.InlineRaw, raw, 0, 0);

    public bool TryAddWithLoggedRaw(long lineNo, RunStream stream, long timeMillis, ReadOnlySpan<byte> kind, ReadOnlySpan<byte> payload, long rawOffset, int rawLength) =>
        TryAdd(lineNo, stream, timeMillis, kind, payload, EventChunkFormat.LoggedRaw, default, rawOffset, rawLength);

    /// <summary>
    /// Writes one event. False, with the chunk as it was, when the chunk holds events already and this one would take
    /// it past <see cref="EventChunkFormat.FitBytes"/>: store the chunk, clear it, and add the event again (an empty
    /// chunk takes any event).
    /// </summary>
    private bool TryAdd(long lineNo, RunStream stream, long timeMillis, ReadOnlySpan<byte> kind, ReadOnlySpan<byte> payload, byte rawKind, ReadOnlySpan<byte> inlineRaw, long rawOffset, int rawLength)
    {
        var kindWritten = !OpensWithKind(payload, kind);
        Ensure(1 + MaxFramingBytes + (kindWritten ? kind.Length : 0) + payload.Length + inlineRaw.Length);
        var before = (_length, _previousLine, _previousTime, _nextStdoutOffset, _nextStderrOffset);
        if (Count == 0)
        {
            _body[_length++] = EventChunkFormat.Version;
        }

        var stderr = stream == RunStream.Stderr;
        _body[_length++] = (byte)((stderr ? EventChunkFormat.StderrFlag : 0)
                                  | (rawKind << EventChunkFormat.RawKindShift)
                                  | (kindWritten ? EventChunkFormat.KindWrittenFlag : 0));
        Varint(ZigZag(lineNo - _previousLine));
        Varint(ZigZag(timeMillis - _previousTime));
        _previousLine = lineNo;
        _previousTime = timeMillis;
        if (kindWritten)
        {
            LengthAndBytes(kind);
        }

        LengthAndBytes(payload);
        if (rawKind == EventChunkFormat.InlineRaw)
        {
            LengthAndBytes(inlineRaw);
        }
        else if (rawKind == EventChunkFormat.LoggedRaw)
        {
            ref var next = ref stderr ? ref _nextStderrOffset : ref _nextStdoutOffset;
            Varint(ZigZag(rawOffset - next));
            Varint((ulong)rawLength);

            // Each line in a raw log is followed by its newline.
            next = rawOffset + rawLength + 1;
        }

        if (Count > 0 && _length > EventChunkFormat.FitBytes)
        {
            // Rare (the last event a chunk would take): written in full, then taken back.
            (_length, _previousLine, _previousTime, _nextStdoutOffset, _nextStderrOffset) = before;
            return false;
        }

        Count++;
        return true;
    }

    /// <summary>
    /// Whether the payload opens with <c>{"kind":"</c>, the kind and a quote, so the reader can take the kind from it
    /// (up to the first quote: a kind holding one is written out).
    /// </summary>
    private static bool OpensWithKind(ReadOnlySpan<byte> payload, ReadOnlySpan<byte> kind)
    {
        var opening = EventChunkFormat.KindOpening;
        return payload.Length > opening.Length + kind.Length
               && payload.StartsWith(opening)
               && payload.Slice(opening.Length, kind.Length).SequenceEqual(kind)
               && payload[opening.Length + kind.Length] == (byte)'"'
               && !kind.Contains((byte)'"');
    }

    private void Ensure(int more)
    {
        if (_length + more > _body.Length)
        {
            Array.Resize(ref _body, Math.Max(_body.Length * 2, _length + more));
        }
    }

    /// <summary>A varint length and the bytes; room was made.</summary>
    private void LengthAndBytes(ReadOnlySpan<byte> value)
    {
        Varint((ulong)value.Length);
        value.CopyTo(_body.AsSpan(_length));
        _length += value.Length;
    }

    /// <summary>LEB128, seven bits a byte, low first; room was made.</summary>
    private void Varint(ulong value)
    {
        var body = _body;
        var at = _length;
        while (value >= 0x80)
        {
            body[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        body[at++] = (byte)value;
        _length = at;
    }

    /// <summary>Small differences either way as small unsigned numbers: 0, -1, 1, -2… become 0, 1, 2, 3…</summary>
    public static ulong ZigZag(long value) => (ulong)((value << 1) ^ (value >> 63));
}
