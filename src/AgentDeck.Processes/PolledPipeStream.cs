using Microsoft.Win32.SafeHandles;

namespace AgentDeck.Processes;

/// <summary>
/// The read end of a child's output pipe, read with non-blocking reads and, when empty, a one-shot wait on
/// <see cref="PipeReadiness"/>. Read paced by <see cref="LineSplitter"/>, a streaming child's pipe is then only read on
/// the tick, never watched. Does not own the handle: dispose this first, then the handle's owner.
/// </summary>
internal sealed class PolledPipeStream : Stream
{
    private readonly SafePipeHandle _handle;
    private readonly int _fd;
    private readonly long _id;
    private bool _armed;
    private bool _disposed;

    public PolledPipeStream(SafePipeHandle handle)
    {
        _handle = handle;
        _fd = (int)handle.DangerousGetHandle();
        _id = PipeReadiness.Instance.NewId();
        Epoll.MakeNonBlocking(_fd);
    }

    public override bool CanRead => !_disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            ObjectDisposedException.ThrowIf(_disposed || _handle.IsClosed, this);
            var read = Epoll.Read(_fd, buffer.Span);
            if (read >= 0)
            {
                return read;
            }

            if (read == -Epoll.Interrupted)
            {
                continue;
            }

            if (read != -Epoll.WouldBlock)
            {
                throw new IOException($"reading pipe {_fd} failed (errno {-read})");
            }

            var armedBefore = _armed;
            _armed = true;
            await PipeReadiness.Instance.WaitReadableAsync(_fd, _id, armedBefore, cancellationToken).ConfigureAwait(false);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            if (_armed && !_handle.IsClosed)
            {
                PipeReadiness.Instance.Forget(_fd, _id);
            }
        }

        base.Dispose(disposing);
    }
}
