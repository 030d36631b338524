using System.Collections.Concurrent;
using AgentDeck.Terminal;

namespace AgentDeck.Benchmarks;

/// <summary>A terminal device whose input is typed by the benchmark; reads block up to their timeout, like poll(2).</summary>
internal sealed class PipeTerminalDevice(int width, int height) : ITerminalDevice
{
    private readonly BlockingCollection<byte[]> _input = new();

    public void Type(string text) => _input.Add(System.Text.Encoding.UTF8.GetBytes(text));

    public void EnterRawMode()
    {
    }

    public void RestoreMode()
    {
    }

    public (int Width, int Height)? GetSize() => (width, height);

    public int Read(Span<byte> buffer, int timeoutMilliseconds)
    {
        if (!_input.TryTake(out var bytes, timeoutMilliseconds))
        {
            return 0;
        }

        bytes.CopyTo(buffer);
        return bytes.Length;
    }
}
