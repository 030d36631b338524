namespace AgentDeck.Benchmarks;

/// <summary>
/// A stand-in <c>claude</c> for supervision benchmarks (Python, so 16 of them stay light): reads the stream-json
/// prompt from stdin, prints the real <c>system/init</c> line of claude-04-partial, then that transcript's real
/// <c>stream_event</c> and <c>assistant</c> lines round and round at the rate the prompt asks for
/// (<c>stream RATE/s for SECONDS s</c>, optionally <c>after DELAY s</c> before the first line), then its real
/// <c>result</c> line, and exits when stdin closes.
/// </summary>
public static class FakeStreamingAgent
{
    private const string Script = """
        #!PYTHON
        import re, sys, time
        lines = [l.rstrip("\n") for l in open(TRANSCRIPT) if l.strip()]
        init, body, result = lines[0], [l for l in lines[1:-1] if '"stream_event"' in l or '"assistant"' in l], lines[-1]
        prompt = sys.stdin.readline()
        m = re.search(r"stream (\d+)/s for ([\d.]+) s", prompt)
        rate, seconds = (int(m.group(1)), float(m.group(2))) if m else (0, 0.0)
        late = re.search(r"after ([\d.]+) s", prompt)
        if late:
            time.sleep(float(late.group(1)))
        out = sys.stdout
        out.write(init + "\n"); out.flush()
        start, i = time.monotonic(), 0
        while rate and time.monotonic() - start < seconds:
            out.write(body[i % len(body)] + "\n"); out.flush()
            i += 1
            delay = start + i / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        out.write(result + "\n"); out.flush()
        sys.stdin.read()
        """;

    /// <summary>Writes the agent as <c>claude</c> into <paramref name="binDirectory"/> and returns its path.</summary>
    public static string Install(string binDirectory)
    {
        Directory.CreateDirectory(binDirectory);
        var path = Path.Combine(binDirectory, "claude");
        var transcript = TranscriptFiles.Named("claude-04-partial.ndjson");
        var text = Script
            .Replace("PYTHON", Python(), StringComparison.Ordinal)
            .Replace("TRANSCRIPT", "'" + transcript + "'", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    /// <summary>The interpreter itself (not a pyenv shim, which would add its own start-up to every spawn).</summary>
    private static string Python()
    {
        using var probe = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("python3", ["-c", "import sys; print(sys.executable)"])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("python3 is needed for the supervision benchmarks");
        var executable = probe.StandardOutput.ReadToEnd().Trim();
        probe.WaitForExit();
        return executable;
    }

    /// <summary>The prompt that makes the agent stream <paramref name="rate"/> lines a second for <paramref name="seconds"/>.</summary>
    public static string Prompt(int rate, double seconds) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"stream {rate}/s for {seconds} s");

    /// <summary>The same, the first line printed only <paramref name="firstLineDelay"/> after the prompt (as a real CLI takes its time).</summary>
    public static string Prompt(int rate, double seconds, TimeSpan firstLineDelay) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"stream {rate}/s for {seconds} s after {firstLineDelay.TotalSeconds} s");
}
