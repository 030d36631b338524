using System.Buffers.Binary;
using System.Text;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;

namespace AgentDeck.Ledger;

/// <summary>Decodes a chunk body written by <see cref="EventChunkWriter"/>, one event at a time.</summary>
internal ref struct EventChunkReader
{
    private readonly ReadOnlySpan<byte> _body;
    private int _at;

    public EventChunkReader(ReadOnlySpan<byte> body)
    {
        _body = body;
        if (body.IsEmpty || body[0] != EventChunkFormat.Version)
        {
            throw new LedgerException(LedgerProblem.Corrupt,
                $"an event chunk has format {(body.IsEmpty ? "(empty)" : body[0].ToString())}, not {EventChunkFormat.Version}: rebuild the run with `agentdeck ledger rebuild`");
        }

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
        LineNo = (long)Varint();
        Stream = _body[_at++] == 1 ? RunStream.Stderr : RunStream.Stdout;
        TimeMillis = BinaryPrimitives.ReadInt64LittleEndian(_body.Slice(_at, 8));
        _at += 8;
        Kind = Bytes();
        Payload = Bytes();
        RawKind = _body[_at++];
        InlineRaw = default;
        RawOffset = 0;
        RawLength = 0;
        switch (RawKind)
        {
            case EventChunkFormat.InlineRaw:
                InlineRaw = Bytes();
                RawLength = InlineRaw.Length;
                break;
            case EventChunkFormat.LoggedRaw:
                RawOffset = (long)Varint();
                RawLength = (int)Varint();
                break;
        }
    }

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
