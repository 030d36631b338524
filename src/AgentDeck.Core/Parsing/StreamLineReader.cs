using System.Buffers;

namespace AgentDeck.Core.Parsing;

/// <summary>
/// Splits a byte stream into lines without decoding them: agent output may be invalid UTF-8 and is kept verbatim.
/// The terminator (<c>\n</c>, and a <c>\r</c> before it) is not part of a line; a last line without one is still a line.
/// </summary>
public sealed class StreamLineReader : IDisposable
{
    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public StreamLineReader(Stream stream, int initialBufferSize = 64 * 1024)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(initialBufferSize);
    }

    /// <summary>Reads the next line. The memory is valid until the next call.</summary>
    public bool TryReadLine(out ReadOnlyMemory<byte> line)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                line = Trim(_start, newline);
                _start = newline + 1;
                return true;
            }

            if (_eof)
            {
                if (_end > _start)
                {
                    line = Trim(_start, _end);
                    _start = _end;
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    /// <summary>Async form of <see cref="TryReadLine"/>, for pipes and followed files.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            if (newline >= 0)
            {
                var line = Trim(_start, newline);
                _start = newline + 1;
                return line;
            }

            if (_eof)
            {
                if (_end > _start)
                {
                    var line = Trim(_start, _end);
                    _start = _end;
                    return line;
                }

                return null;
            }

            Compact();
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            Advance(read);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private ReadOnlyMemory<byte> Trim(int from, int to)
    {
        if (to > from && _buffer[to - 1] == (byte)'\r')
        {
            to--;
        }

        return new ReadOnlyMemory<byte>(_buffer, from, to - from);
    }

    private void Fill()
    {
        Compact();
        Advance(_stream.Read(_buffer, _end, _buffer.Length - _end));
    }

    private void Advance(int read)
    {
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    private void Compact()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
    }
}
