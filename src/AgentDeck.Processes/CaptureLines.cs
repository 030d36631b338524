namespace AgentDeck.Processes;

/// <summary>
/// The complete lines appended to a capture file since the last look, for a process that records a worker's first
/// output while another will read the same file from its start (a line without its '\n' yet waits for the next look).
/// </summary>
public sealed class CaptureLines(string path) : IDisposable
{
    private const int ReadBytes = 64 * 1024;

    private FileStream? _file;
    private byte[] _buffer = new byte[ReadBytes];
    private int _held;

    /// <summary>Complete lines (without '\n') taken so far.</summary>
    public long Lines { get; private set; }

    public IReadOnlyList<byte[]> ReadNewLines()
    {
        if (_file is null)
        {
            if (!File.Exists(path))
            {
                return [];
            }

            _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1);
        }

        var lines = new List<byte[]>();
        while (true)
        {
            if (_held == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = _file.Read(_buffer, _held, _buffer.Length - _held);
            if (read == 0)
            {
                return lines;
            }

            var scanFrom = _held;
            _held += read;
            var lineStart = 0;
            int newline;
            while ((newline = _buffer.AsSpan(scanFrom, _held - scanFrom).IndexOf((byte)'\n')) >= 0)
            {
                var end = scanFrom + newline;
                lines.Add(_buffer.AsSpan(lineStart, end - lineStart).ToArray());
                Lines++;
                lineStart = scanFrom = end + 1;
            }

            _buffer.AsSpan(lineStart, _held - lineStart).CopyTo(_buffer);
            _held -= lineStart;
        }
    }

    public void Dispose() => _file?.Dispose();
}
