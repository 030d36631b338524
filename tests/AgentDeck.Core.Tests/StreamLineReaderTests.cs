using System.Text;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Core.Tests;

public sealed class StreamLineReaderTests
{
    private static List<byte[]> ReadAll(byte[] input, int bufferSize)
    {
        using var reader = new StreamLineReader(new MemoryStream(input), bufferSize);
        var lines = new List<byte[]>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add(line.ToArray());
        }

        return lines;
    }

    [Theory]
    [InlineData(16)]
    [InlineData(4096)]
    public void Lines_split_on_newline_drop_cr_and_keep_a_last_line_without_terminator(int bufferSize)
    {
        var lines = ReadAll(Encoding.UTF8.GetBytes("a\r\n\nbc\nlast"), bufferSize);

        Assert.Equal(["a", "", "bc", "last"], lines.Select(l => Encoding.UTF8.GetString(l)));
    }

    [Fact]
    public void Invalid_utf8_and_long_lines_come_back_byte_for_byte()
    {
        var big = Enumerable.Repeat((byte)'x', 300_000).ToArray();
        byte[] invalid = [0xff, 0xfe, (byte)'{', 0xc3];
        var input = invalid.Concat("\n"u8.ToArray()).Concat(big).Concat("\n"u8.ToArray()).ToArray();

        var lines = ReadAll(input, 64);

        Assert.Equal(invalid, lines[0]);
        Assert.Equal(big, lines[1]);
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public async Task The_async_reader_gives_the_same_lines()
    {
        using var reader = new StreamLineReader(new MemoryStream("one\ntwo"u8.ToArray()), 8);

        var first = await reader.ReadLineAsync();
        var firstText = Encoding.UTF8.GetString(first!.Value.Span);
        var second = await reader.ReadLineAsync();
        var secondText = Encoding.UTF8.GetString(second!.Value.Span);
        var end = await reader.ReadLineAsync();

        Assert.Equal("one", firstText);
        Assert.Equal("two", secondText);
        Assert.Null(end);
    }
}
