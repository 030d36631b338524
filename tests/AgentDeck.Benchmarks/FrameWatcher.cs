using System.Diagnostics;

namespace AgentDeck.Benchmarks;

/// <summary>
/// The terminal's output stream. A frame is one write (the session writes each diff whole); when the frame just
/// written satisfies the awaited condition, the time is taken and the waiter released. The condition is evaluated on
/// the screen's own thread, during the write, so it sees exactly the state the frame was drawn from.
/// </summary>
internal sealed class FrameWatcher : Stream
{
    private readonly Lock _gate = new();
    private Func<bool>? _condition;
    private TaskCompletionSource<long>? _seen;

    public long Frames { get; private set; }

    /// <summary>Arms the watcher; the task completes with the Stopwatch timestamp of the first frame meeting the condition.</summary>
    public Task<long> Expect(Func<bool> condition)
    {
        lock (_gate)
        {
            _condition = condition;
            _seen = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _seen.Task;
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Frames++;
        lock (_gate)
        {
            if (_condition is { } condition && condition())
            {
                _condition = null;
                _seen!.TrySetResult(Stopwatch.GetTimestamp());
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
