using System.Text;

namespace AgentDeck.Terminal.Tests;

/// <summary>An output stream that keeps each write separately.</summary>
internal sealed class RecordingStream : Stream
{
    public List<string> Writes { get; } = [];
    public bool FailWrites { get; set; }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (FailWrites)
        {
            throw new IOException("terminal gone");
        }

        Writes.Add(Encoding.UTF8.GetString(buffer));
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
