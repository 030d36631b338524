using AgentDeck.Core.Storage;
using Microsoft.Win32.SafeHandles;

namespace AgentDeck.Ledger;

/// <summary>
/// Appends lines to a run's raw log through its own buffer, written at explicit offsets: every ingested line passes
/// here, and a FileStream's layers (position, strategy, one call for the line and one for its newline) cost more than
/// the copy itself. The bytes reach the file on <see cref="Flush"/>, when the buffer fills, and on dispose.
/// </summary>
internal sealed class RawLogWriter : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly SafeFileHandle _handle;
    private readonly byte[] _buffer = new byte[BufferSize];
    private long _written;
    private int _buffered;

    /// <summary>Opens <paramref name="path"/> for appending (creating it), others may read it meanwhile.</summary>
    public RawLogWriter(string path)
    {
        OwnerOnly.CreateFile(path);
        _handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        _written = RandomAccess.GetLength(_handle);
    }

    /// <summary>Where the next byte goes in the file.</summary>
    public long Position => _written + _buffered;

    /// <summary>The line and its <c>\n</c>.</summary>
    public void AppendLine(ReadOnlySpan<byte> line)
    {
        if (_buffered + line.Length + 1 > _buffer.Length)
        {
            Flush();
            if (line.Length + 1 > _buffer.Length)
            {
                // A line longer than the buffer goes straight to the file.
                RandomAccess.Write(_handle, line, _written);
                _written += line.Length;
                _buffer[_buffered++] = (byte)'\n';
                return;
            }
        }

        line.CopyTo(_buffer.AsSpan(_buffered));
        _buffered += line.Length;
        _buffer[_buffered++] = (byte)'\n';
    }

    /// <summary>A <c>\n</c> alone: closes a last line a crash left without one.</summary>
    public void AppendNewline() => AppendLine([]);

    public void Flush()
    {
        if (_buffered == 0)
        {
            return;
        }

        RandomAccess.Write(_handle, _buffer.AsSpan(0, _buffered), _written);
        _written += _buffered;
        _buffered = 0;
    }

    public void Dispose()
    {
        if (_handle.IsClosed)
        {
            return;
        }

        try
        {
            Flush();
        }
        finally
        {
            _handle.Dispose();
        }
    }
}
