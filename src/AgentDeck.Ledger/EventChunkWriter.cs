using System.Buffers.Binary;
using AgentDeck.Core.Runs;

namespace AgentDeck.Ledger;

/// <summary>
/// Builds one chunk body. Per event: line number (varint), stream (byte), time in unix ms (8 bytes), kind and payload
/// (varint length + UTF-8), then the raw line: none, inline bytes, or a place in the run's raw log (offset, length).
/// Each call makes room once and then writes into the array directly: ingest writes every event through here.
/// </summary>
internal sealed class EventChunkWriter
{
    private const int MaxVarintBytes = 10;

    private byte[] _body = new byte[16 * 1024];
    private int _length;

    public int Count { get; private set; }

    public ReadOnlySpan<byte> Body => _body.AsSpan(0, _length);

    public bool IsFull => Count >= EventChunkFormat.MaxEvents || _length >= EventChunkFormat.MaxBytes;

    public void Clear()
    {
        _length = 0;
        Count = 0;
    }

    /// <summary>Starts an event; write its payload and raw line next, in that order.</summary>
    public void Begin(long lineNo, RunStream stream, long timeMillis, ReadOnlySpan<byte> kind)
    {
        Ensure(1 + MaxVarintBytes + 1 + sizeof(long) + MaxVarintBytes + kind.Length);
        if (Count == 0)
        {
            _body[_length++] = EventChunkFormat.Version;
        }

        Count++;
        Varint((ulong)lineNo);
        _body[_length++] = stream == RunStream.Stderr ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64LittleEndian(_body.AsSpan(_length, sizeof(long)), timeMillis);
        _length += sizeof(long);
        LengthAndBytes(kind);
    }

    public void Payload(ReadOnlySpan<byte> json)
    {
        Ensure(MaxVarintBytes + json.Length);
        LengthAndBytes(json);
    }

    public void NoRaw()
    {
        Ensure(1);
        _body[_length++] = EventChunkFormat.NoRaw;
    }

    public void InlineRaw(ReadOnlySpan<byte> line)
    {
        Ensure(1 + MaxVarintBytes + line.Length);
        _body[_length++] = EventChunkFormat.InlineRaw;
        LengthAndBytes(line);
    }

    public void LoggedRaw(long offset, int length)
    {
        Ensure(1 + (2 * MaxVarintBytes));
        _body[_length++] = EventChunkFormat.LoggedRaw;
        Varint((ulong)offset);
        Varint((ulong)length);
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
}
