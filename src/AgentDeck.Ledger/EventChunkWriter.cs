using System.Buffers;
using System.Buffers.Binary;
using AgentDeck.Core.Runs;

namespace AgentDeck.Ledger;

/// <summary>
/// Builds one chunk body. Per event: line number (varint), stream (byte), time in unix ms (8 bytes), kind and payload
/// (varint length + UTF-8), then the raw line: none, inline bytes, or a place in the run's raw log (offset, length).
/// </summary>
internal sealed class EventChunkWriter
{
    private readonly ArrayBufferWriter<byte> _body = new(16 * 1024);

    public int Count { get; private set; }

    public ReadOnlySpan<byte> Body => _body.WrittenSpan;

    public bool IsFull => Count >= EventChunkFormat.MaxEvents || _body.WrittenCount >= EventChunkFormat.MaxBytes;

    public void Clear()
    {
        _body.ResetWrittenCount();
        Count = 0;
    }

    /// <summary>Starts an event; write its payload and raw line next, in that order.</summary>
    public void Begin(long lineNo, RunStream stream, long timeMillis, ReadOnlySpan<byte> kind)
    {
        if (Count == 0)
        {
            WriteByte(EventChunkFormat.Version);
        }

        Count++;
        WriteVarint((ulong)lineNo);
        WriteByte(stream == RunStream.Stderr ? (byte)1 : (byte)0);
        BinaryPrimitives.WriteInt64LittleEndian(_body.GetSpan(8), timeMillis);
        _body.Advance(8);
        WriteBytes(kind);
    }

    public void Payload(ReadOnlySpan<byte> json) => WriteBytes(json);

    public void NoRaw() => WriteByte(EventChunkFormat.NoRaw);

    public void InlineRaw(ReadOnlySpan<byte> line)
    {
        WriteByte(EventChunkFormat.InlineRaw);
        WriteBytes(line);
    }

    public void LoggedRaw(long offset, int length)
    {
        WriteByte(EventChunkFormat.LoggedRaw);
        WriteVarint((ulong)offset);
        WriteVarint((ulong)length);
    }

    private void WriteBytes(ReadOnlySpan<byte> value)
    {
        WriteVarint((ulong)value.Length);
        value.CopyTo(_body.GetSpan(value.Length));
        _body.Advance(value.Length);
    }

    private void WriteByte(byte value)
    {
        _body.GetSpan(1)[0] = value;
        _body.Advance(1);
    }

    private void WriteVarint(ulong value)
    {
        var span = _body.GetSpan(10);
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        _body.Advance(i);
    }
}
