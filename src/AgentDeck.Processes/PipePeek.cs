using System.Runtime.InteropServices;

namespace AgentDeck.Processes;

/// <summary>
/// Looks at what waits in a pipe without consuming a byte of it (Linux <c>tee</c> into a private pipe), so a process
/// can record a child's first output lines while the pipe still goes, unread, to the process that will read it for
/// real. <c>tee</c> always copies from the head of the pipe: each look copies the whole unread content and keeps only
/// what is new. What a look can see is bounded by the pipe's capacity; a child that fills it just waits for the reader.
/// Not thread-safe: one caller at a time. Disposing closes the private pipe only.
/// </summary>
public sealed class PipePeek : IDisposable
{
    private const int WouldBlock = 11; // EAGAIN

    private readonly SafeHandle _pipe;
    private readonly int _copyRead;
    private readonly int _copyWrite;
    private byte[] _copy;
    private long _seen;
    private bool _addedRef;
    private bool _disposed;

    private PipePeek(SafeHandle pipe, int copyRead, int copyWrite, int capacity)
    {
        _pipe = pipe;
        _copyRead = copyRead;
        _copyWrite = copyWrite;
        _copy = new byte[Math.Max(capacity, 4096)];
        _pipe.DangerousAddRef(ref _addedRef);
    }

    /// <summary>Bytes of the pipe's head that the lines returned so far cover, their '\n's included.</summary>
    public long LineBytes { get; private set; }

    /// <summary>Complete lines returned so far.</summary>
    public long Lines { get; private set; }

    /// <summary>
    /// Starts looking at <paramref name="pipe"/> (the read end of a pipe nobody reads yet); null where the kernel offers
    /// no <c>tee</c> (not Linux, or a sandbox that forbids it), so the caller goes without.
    /// </summary>
    public static PipePeek? TryStart(SafeHandle pipe)
    {
        ArgumentNullException.ThrowIfNull(pipe);
        if (!OperatingSystem.IsLinux() || pipe.IsInvalid || pipe.IsClosed)
        {
            return null;
        }

        var (copyRead, copyWrite) = Posix.OpenPrivatePipe();
        if (copyRead < 0)
        {
            return null;
        }

        // The private pipe must hold all the source can: a look then sees everything waiting, not a prefix.
        var source = (int)pipe.DangerousGetHandle();
        var capacity = Posix.PipeCapacity(source);
        if (capacity > 0 && Posix.PipeCapacity(copyWrite) < capacity)
        {
            Posix.GrowPipe(copyWrite, capacity);
        }

        var peek = new PipePeek(pipe, copyRead, copyWrite, Math.Max(capacity, Posix.PipeCapacity(copyWrite)));
        var probe = Posix.Tee(source, copyWrite, 1);
        if (probe < 0 && probe != -WouldBlock)
        {
            peek.Dispose();
            return null;
        }

        peek.Drain(probe > 0 ? (int)probe : 0);
        return peek;
    }

    /// <summary>
    /// The complete lines (without their '\n') that arrived since the last look, in order, each its own copy; empty when
    /// nothing new (or only part of a line) arrived. A last line the child never ended stays unseen.
    /// </summary>
    public IReadOnlyList<byte[]> ReadNewLines()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var source = (int)_pipe.DangerousGetHandle();
        var waiting = Posix.BytesWaiting(source);
        if (waiting <= _seen)
        {
            // Nothing new (FIONREAD is cheap: no copy until there is something to see).
            return [];
        }

        var copied = Posix.Tee(source, _copyWrite, waiting);
        if (copied <= 0)
        {
            return [];
        }

        var length = Drain((int)copied);
        _seen = Math.Max(_seen, length);
        var lines = new List<byte[]>();
        var start = (int)LineBytes;
        int newline;
        while (start < length && (newline = _copy.AsSpan(start, length - start).IndexOf((byte)'\n')) >= 0)
        {
            lines.Add(_copy.AsSpan(start, newline).ToArray());
            start += newline + 1;
            LineBytes = start;
            Lines++;
        }

        return lines;
    }

    /// <summary>True once every writer closed the pipe (the child and its waiter ended): nothing new will arrive.</summary>
    public bool WritersGone =>
        !_disposed && (Posix.EventsNow((int)_pipe.DangerousGetHandle(), Posix.PollIn) & Posix.PollHangUp) != 0;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Posix.Close(_copyRead);
        Posix.Close(_copyWrite);
        if (_addedRef)
        {
            _pipe.DangerousRelease();
        }
    }

    /// <summary>Reads the private pipe empty (exactly what the last tee put there) into the copy buffer; returns the length.</summary>
    private int Drain(int expected)
    {
        if (_copy.Length < expected)
        {
            Array.Resize(ref _copy, expected);
        }

        var filled = 0;
        while (filled < expected)
        {
            var read = Epoll.Read(_copyRead, _copy.AsSpan(filled, expected - filled));
            if (read <= 0)
            {
                throw new IOException($"the private copy of a pipe ended after {filled} of {expected} bytes (errno {-read})");
            }

            filled += read;
        }

        return filled;
    }
}
