using Microsoft.Win32.SafeHandles;

namespace AgentDeck.Processes;

/// <summary>
/// A worker's capture file read as the stream of its output: reads return what was appended since the last one and
/// wait for more (woken by <see cref="FileChanges"/>) until <paramref name="ended"/> completes; then what is left is
/// read and the stream ends. The file may appear only after the first read (the waiter creates it).
/// </summary>
internal sealed class CaptureTail(string path, Task ended) : Stream
{
    private static readonly TimeSpan NotThereYetDelay = TimeSpan.FromMilliseconds(5);

    private SafeFileHandle? _file;
    private int _watch = -1;
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var finished = ended.IsCompleted;
            if (_file is null && !TryOpen())
            {
                if (finished)
                {
                    return 0;
                }

                await Task.WhenAny(ended, Task.Delay(NotThereYetDelay, cancellationToken)).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                continue;
            }

            var read = ReadMore(buffer);
            if (read > 0 || finished)
            {
                // After the end, a read that finds nothing is the end: everything written before it is in the file.
                return read;
            }

            var change = FileChanges.NextChangeAsync(_watch);
            read = ReadMore(buffer);
            if (read > 0)
            {
                return read;
            }

            await Task.WhenAny(change, ended).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            FileChanges.Unwatch(_watch);
            _watch = -1;
            _file?.Dispose();
        }

        base.Dispose(disposing);
    }

    private bool TryOpen()
    {
        try
        {
            _file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        }
        catch (FileNotFoundException)
        {
            return false;
        }

        _watch = FileChanges.Watch(path);
        return true;
    }

    private int ReadMore(Memory<byte> buffer)
    {
        var read = RandomAccess.Read(_file!, buffer.Span, _position);
        _position += read;
        return read;
    }
}
