using System.Text;
using System.Threading.Channels;

namespace AgentDeck.Processes.Tests;

public sealed class LineSplitterTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("\n", new[] { "" })]
    [InlineData("a", new[] { "a" })]
    [InlineData("a\n", new[] { "a" })]
    [InlineData("a\nb", new[] { "a", "b" })]
    [InlineData("a\n\nb\n", new[] { "a", "", "b" })]
    [InlineData("crlf\r\nkept\r\n", new[] { "crlf\r", "kept\r" })]
    public async Task Given_text_When_split_Then_lines_are_cut_at_newlines_only(string text, string[] expected)
    {
        foreach (var chunk in new[] { 1, 2, 3, 1024 })
        {
            var lines = await SplitAsync(Encoding.UTF8.GetBytes(text), chunk, new LineSplitter());

            Assert.Equal(expected, lines.Select(l => Encoding.UTF8.GetString(l)));
        }
    }

    [Fact]
    public async Task Given_lines_larger_than_the_initial_buffer_When_split_in_odd_chunks_Then_every_byte_is_kept()
    {
        var random = new Random(7);
        var lines = Enumerable.Range(0, 20).Select(i => RandomLine(random, i * 17_000)).ToList();
        var input = lines.SelectMany(l => l.Append((byte)'\n')).ToArray();

        var split = await SplitAsync(input, 4093, new LineSplitter());

        Assert.Equal(lines.Count, split.Count);
        Assert.All(lines.Zip(split), pair => Assert.Equal(pair.First, pair.Second));
    }

    [Theory]
    [InlineData("abcd\nxy", new[] { "abcd", "xy" })]
    [InlineData("abcdefghij\n", new[] { "abcd", "efgh", "ij" })]
    [InlineData("abcdefgh\n\n", new[] { "abcd", "efgh", "" })]
    [InlineData("abc\nabcdefg", new[] { "abc", "abcd", "efg" })]
    public async Task Given_a_line_cap_When_a_line_exceeds_it_Then_it_comes_in_pieces_without_extra_empty_lines(string text, string[] expected)
    {
        foreach (var chunk in new[] { 1, 3, 100 })
        {
            var lines = await SplitAsync(Encoding.ASCII.GetBytes(text), chunk, new LineSplitter(maxLineBytes: 4));

            Assert.Equal(expected, lines.Select(l => Encoding.ASCII.GetString(l)));
        }
    }

    private static byte[] RandomLine(Random random, int length)
    {
        var line = new byte[length];
        random.NextBytes(line);
        for (var i = 0; i < line.Length; i++)
        {
            line[i] = line[i] == (byte)'\n' ? (byte)0xFF : line[i];
        }

        return line;
    }

    private static async Task<List<byte[]>> SplitAsync(byte[] input, int chunk, LineSplitter splitter)
    {
        var channel = Channel.CreateUnbounded<ReadOnlyMemory<byte>>();
        await splitter.PumpAsync(new ChunkedStream(input, chunk), channel.Writer);
        return await Proc.ReadAllAsync(channel.Reader.ReadAllAsync());
    }

    /// <summary>A stream that hands out at most <c>chunk</c> bytes per read, like a pipe under load.</summary>
    private sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(chunk, buffer.Length)], cancellationToken);
    }
}
