using System.Collections.Concurrent;

namespace AgentDeck.Terminal.Tests;

/// <summary>A terminal device that records mode changes and serves queued input bytes.</summary>
internal sealed class FakeTerminalDevice : ITerminalDevice
{
    private readonly ConcurrentQueue<byte[]> _input = new();

    public List<string> Calls { get; } = [];
    public (int Width, int Height)? Size { get; set; } = (80, 24);
    public Exception? FailOnRawMode { get; init; }

    public void Type(string bytes) => _input.Enqueue(System.Text.Encoding.UTF8.GetBytes(bytes));

    public void EnterRawMode()
    {
        if (FailOnRawMode is not null)
        {
            throw FailOnRawMode;
        }

        lock (Calls) Calls.Add("raw");
    }

    public void RestoreMode()
    {
        lock (Calls) Calls.Add("restore");
    }

    public (int Width, int Height)? GetSize() => Size;

    public int Read(Span<byte> buffer, int timeoutMilliseconds)
    {
        if (_input.TryDequeue(out var bytes))
        {
            bytes.CopyTo(buffer);
            return bytes.Length;
        }

        Thread.Sleep(Math.Min(timeoutMilliseconds, 2));
        return 0;
    }
}
