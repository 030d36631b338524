using System.Buffers.Binary;
using System.Text;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;

namespace AgentDeck.Ledger;

/// <summary>Decodes a chunk body written by <see cref="EventChunkWriter"/>, one event at a time.</summary>
internal ref struct EventChunkReader
{
    private readonly ReadOnlySpan<byte> _body;
    private readonly byte _version;
    private int _at;
    private long _nextStdoutOffset;
    private long _nextStderrOffset;

    public EventChunkReader(ReadOnlySpan<byte> body)
    {
        _body = body;
        if (body.IsEmpty || body[0] is not (EventChunkFormat.Version or EventChunkFormat.Version1))
        {
            throw new LedgerException(LedgerProblem.Corrupt,
                $"an event chunk has format {(body.IsEmpty ? "(empty)" : body[0].ToString(System.Globalization.CultureInfo.InvariantCulture))}, not {EventChunkFormat.Version1} or {EventChunkFormat.Version}: rebuild the run with `agentdeck ledger rebuild`");
        }

        _version = body[0];
        _at = 1;
    }

    public readonly bool HasMore => _at < _body.Length;

    public long LineNo;
    public RunStream Stream;
    public long TimeMillis;
    public ReadOnlySpan<byte> Kind;
    public ReadOnlySpan<byte> Payload;
    public byte RawKind;
    public ReadOnlySpan<byte> InlineRaw;
    public long RawOffset;
    public int RawLength;

    /// <summary>Reads the next event's fields.</summary>
    public void Next()
    {
        if (_version == EventChunkFormat.Version1)
        {
            NextOfVersion1();
            return;
        }

        var flags = _body[_at++];
        Stream = (flags & EventChunkFormat.StderrFlag) != 0 ? RunStream.Stderr : RunStream.Stdout;
        RawKind = (byte)((flags >> EventChunkFormat.RawKindShift) & EventChunkFormat.RawKindMask);
        LineNo += UnZigZag(Varint());
        TimeMillis += UnZigZag(Varint());
        var kindWritten = (flags & EventChunkFormat.KindWrittenFlag) != 0;
        if (kindWritten)
        {
            Kind = Bytes();
        }

        Payload = Bytes();
        if (!kindWritten)
        {
            Kind = KindInPayload(Payload);
        }

        ReadRaw(offsetAsDifference: true);
    }

    private void NextOfVersion1()
    {
        LineNo = (long)Varint();
        Stream = _body[_at++] == 1 ? RunStream.Stderr : RunStream.Stdout;
        TimeMillis = BinaryPrimitives.ReadInt64LittleEndian(_body.Slice(_at, 8));
        _at += 8;
        Kind = Bytes();
        Payload = Bytes();
        RawKind = _body[_at++];
        ReadRaw(offsetAsDifference: false);
    }

    /// <summary>The raw line's form: version 2 keeps a logged line's offset as a difference, version 1 as it is.</summary>
    private void ReadRaw(bool offsetAsDifference)
    {
        InlineRaw = default;
        RawOffset = 0;
        RawLength = 0;
        switch (RawKind)
        {
            case EventChunkFormat.InlineRaw:
                InlineRaw = Bytes();
                RawLength = InlineRaw.Length;
                break;
            case EventChunkFormat.LoggedRaw when offsetAsDifference:
                ref var next = ref Stream == RunStream.Stderr ? ref _nextStderrOffset : ref _nextStdoutOffset;
                RawOffset = next + UnZigZag(Varint());
                RawLength = (int)Varint();
                next = RawOffset + RawLength + 1;
                break;
            case EventChunkFormat.LoggedRaw:
                RawOffset = (long)Varint();
                RawLength = (int)Varint();
                break;
            case EventChunkFormat.NoRaw:
                break;
            default:
                throw Corrupt("an unknown raw line form");
        }
    }

    /// <summary>The kind a payload opens with (<c>{"kind":"…"</c>): the writer wrote it out whenever it does not.</summary>
    private static ReadOnlySpan<byte> KindInPayload(ReadOnlySpan<byte> payload)
    {
        var opening = EventChunkFormat.KindOpening;
        var end = payload.StartsWith(opening) ? payload[opening.Length..].IndexOf((byte)'"') : -1;
        if (end < 0)
        {
            throw Corrupt("an event without its kind");
        }

        return payload.Slice(opening.Length, end);
    }

    private static LedgerException Corrupt(string what) =>
        new(LedgerProblem.Corrupt, $"an event chunk holds {what}: rebuild the run with `agentdeck ledger rebuild`");

    private static long UnZigZag(ulong value) => (long)(value >> 1) ^ -(long)(value & 1);

    public readonly string KindText => Encoding.UTF8.GetString(Kind);

    private ReadOnlySpan<byte> Bytes()
    {
        var length = (int)Varint();
        var value = _body.Slice(_at, length);
        _at += length;
        return value;
    }

    private ulong Varint()
    {
        ulong value = 0;
        var shift = 0;
        while (true)
        {
            var b = _body[_at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }

            shift += 7;
        }
    }
}
