namespace AgentDeck.Ledger;

/// <summary>A run's raw output file: one line per line the agent printed, each ending in <c>\n</c>, only ever appended to.</summary>
internal static class RawLog
{
    public delegate void LineHandler(ReadOnlySpan<byte> line, long lineNo);

    private const int BufferSize = 64 * 1024;

    /// <summary>Opens the log for appending and returns how many lines it already holds (a torn last line is closed first).</summary>
    public static (RawLogWriter Writer, long Lines) OpenForAppend(string path)
    {
        long lines = 0;
        var endsInNewline = true;
        if (File.Exists(path))
        {
            lines = ForEachLine(path, static (_, _) => { });
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            if (probe.Length > 0)
            {
                probe.Seek(-1, SeekOrigin.End);
                endsInNewline = probe.ReadByte() == '\n';
            }
        }

        var writer = new RawLogWriter(path);
        if (!endsInNewline)
        {
            writer.AppendNewline();
        }

        return (writer, lines);
    }

    /// <summary>Calls <paramref name="handler"/> for every line (a last line without <c>\n</c> counts); returns the line count.</summary>
    public static long ForEachLine(string path, LineHandler handler)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var buffer = new byte[BufferSize];
        int start = 0, end = 0, scanned = 0;
        long lineNo = 0;
        while (true)
        {
            if (end == buffer.Length)
            {
                if (start > 0)
                {
                    buffer.AsSpan(start, end - start).CopyTo(buffer);
                    end -= start;
                    scanned -= start;
                    start = 0;
                }
                else
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                break;
            }

            end += read;
            while (true)
            {
                var newline = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    scanned = end;
                    break;
                }

                var lineEnd = scanned + newline;
                handler(buffer.AsSpan(start, lineEnd - start), ++lineNo);
                start = scanned = lineEnd + 1;
            }
        }

        if (end > start)
        {
            handler(buffer.AsSpan(start, end - start), ++lineNo);
        }

        return lineNo;
    }
}
