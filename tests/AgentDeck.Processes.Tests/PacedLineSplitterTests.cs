using System.Text;
using System.Threading.Channels;

namespace AgentDeck.Processes.Tests;

public sealed class PacedLineSplitterTests
{
    [Fact]
    public async Task Given_a_read_pace_When_output_trickles_in_small_reads_Then_every_line_arrives_and_each_small_read_waits_for_the_pace()
    {
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => $"{{\"line\":{i}}}\n"));
        var paces = 0;
        var splitter = new LineSplitter(readPace: _ =>
        {
            paces++;
            return Task.CompletedTask;
        });

        var lines = await SplitAsync(Encoding.UTF8.GetBytes(text), chunk: 30, splitter);

        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"{{\"line\":{i}}}"), lines);
        Assert.Equal((text.Length + 29) / 30, paces);
    }

    [Fact]
    public async Task Given_a_read_pace_When_the_child_writes_fast_in_big_reads_Then_it_is_read_back_to_back_without_waiting()
    {
        var line = new string('x', 40_000);
        var text = string.Concat(Enumerable.Repeat(line + "\n", 6));
        var paces = 0;
        var splitter = new LineSplitter(readPace: _ =>
        {
            paces++;
            return Task.CompletedTask;
        });

        var lines = await SplitAsync(Encoding.UTF8.GetBytes(text), chunk: 32 * 1024, splitter);

        Assert.Equal(6, lines.Count);
        Assert.All(lines, l => Assert.Equal(line, l));
        // At most the last, short read (the tail of the output) waits.
        Assert.InRange(paces, 0, 1);
    }

    [Fact]
    public async Task Given_a_pace_that_is_cancelled_When_the_process_is_disposed_Then_the_lines_read_so_far_stand_and_the_channel_completes()
    {
        using var disposed = new CancellationTokenSource();
        var splitter = new LineSplitter(readPace: async token =>
        {
            await disposed.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
        });
        var channel = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();

        await splitter.PumpAsync(new MemoryStream(Encoding.UTF8.GetBytes("first\nsecond\n")), channel.Writer, disposed.Token);

        var lines = await Proc.ReadAllAsync(channel.Reader.ReadAllAsync());
        Assert.Equal(["first", "second"], lines.Select(l => Encoding.UTF8.GetString(l)));
    }

    private static async Task<List<string>> SplitAsync(byte[] input, int chunk, LineSplitter splitter)
    {
        var channel = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
        await splitter.PumpAsync(new ChunkedStream(input, chunk), channel.Writer);
        return [.. (await Proc.ReadAllAsync(channel.Reader.ReadAllAsync())).Select(l => Encoding.UTF8.GetString(l))];
    }

    /// <summary>A stream that hands out at most <c>chunk</c> bytes per read.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
