using System.Threading.Channels;

namespace AgentDeck.Processes;

/// <summary>
/// Reads a byte stream to its end and writes each '\n'-terminated line (without the '\n') into a channel, bytes kept
/// verbatim. A last line without '\n' is still written. A line longer than the cap is written in cap-sized pieces so
/// that a child printing without newlines cannot exhaust memory. With a read pace, a read that brought little waits for
/// the pace before the next one, so a child printing a line every few milliseconds is read in bursts (one wake-up per
/// pace instead of one per line); a child printing fast is read back to back.
/// </summary>
internal sealed class LineSplitter
{
    public const int DefaultMaxLineBytes = 64 * 1024 * 1024;
    private const int InitialBufferBytes = 64 * 1024;

    /// <summary>A read at least this big means the child is writing fast: read again at once, never throttle it.</summary>
    private const int BackToBackReadBytes = 16 * 1024;

    private readonly int _maxLineBytes;
    private readonly Func<CancellationToken, Task>? _readPace;

    /// <param name="readPace">Awaited after a small read before the next one; null reads as soon as data arrives.</param>
    public LineSplitter(int maxLineBytes = DefaultMaxLineBytes, Func<CancellationToken, Task>? readPace = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        _maxLineBytes = maxLineBytes;
        _readPace = readPace;
    }

    /// <summary>True when reads wait for a pace between small reads (the source is then best read without readiness events).</summary>
    public bool IsPaced => _readPace is not null;

    /// <summary>Pumps the stream into the writer and completes it (with the read error, if any).</summary>
    public async Task PumpAsync(Stream source, ChannelWriter<ReadOnlyMemory<byte>> lines, CancellationToken cancellationToken = default)
    {
        try
        {
            await SplitAsync(source, lines, cancellationToken).ConfigureAwait(false);
            lines.TryComplete();
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The pipe was closed under us (process disposed): the lines read so far stand.
            lines.TryComplete();
        }
        catch (Exception error)
        {
            lines.TryComplete(error);
        }
    }

    private async Task SplitAsync(Stream source, ChannelWriter<ReadOnlyMemory<byte>> lines, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Min(InitialBufferBytes, _maxLineBytes)];
        var lineStart = 0; // first byte of the line being assembled
        var filled = 0;    // bytes of buffer holding data
        var cutAtCap = false; // the current line's start was already delivered as a capped piece

        while (true)
        {
            if (filled == buffer.Length)
            {
                if (lineStart > 0)
                {
                    buffer.AsSpan(lineStart, filled - lineStart).CopyTo(buffer);
                    filled -= lineStart;
                    lineStart = 0;
                }
                else if (buffer.Length >= _maxLineBytes)
                {
                    await lines.WriteAsync(buffer.AsSpan(0, filled).ToArray(), cancellationToken).ConfigureAwait(false);
                    filled = 0;
                    cutAtCap = true;
                }
                else
                {
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, _maxLineBytes));
                }
            }

            var offered = buffer.Length - filled;
            var read = await source.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (filled > lineStart)
                {
                    await lines.WriteAsync(buffer.AsSpan(lineStart, filled - lineStart).ToArray(), cancellationToken).ConfigureAwait(false);
                }

                return;
            }

            // Only the new bytes are scanned, so a long line costs linear time.
            var scanFrom = filled;
            filled += read;
            int newline;
            while ((newline = buffer.AsSpan(scanFrom, filled - scanFrom).IndexOf((byte)'\n')) >= 0)
            {
                var end = scanFrom + newline;
                if (end > lineStart || !cutAtCap)
                {
                    // A newline right after a capped piece ends that line; it is not an extra empty line.
                    await lines.WriteAsync(buffer.AsSpan(lineStart, end - lineStart).ToArray(), cancellationToken).ConfigureAwait(false);
                }

                cutAtCap = false;
                lineStart = end + 1;
                scanFrom = lineStart;
            }

            if (lineStart == filled)
            {
                lineStart = 0;
                filled = 0;
            }

            // A read that filled the room it had, or brought a lot, says more is waiting: no pause then.
            if (_readPace is not null && read < offered && read < BackToBackReadBytes)
            {
                await _readPace(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
