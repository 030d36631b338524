using System.IO.Pipes;
using System.Text;

namespace AgentDeck.Processes.Tests;

/// <summary>
/// <see cref="PipePeek"/> on real kernel pipes: what it shows is a copy; every byte is still there for the reader,
/// in order, afterwards.
/// </summary>
public sealed class PipePeekTests : IDisposable
{
    private readonly AnonymousPipeServerStream _reader = new(PipeDirection.In);
    private readonly AnonymousPipeClientStream _writer;
    private readonly PipePeek _peek;

    public PipePeekTests()
    {
        _writer = new AnonymousPipeClientStream(PipeDirection.Out, _reader.ClientSafePipeHandle);
        _peek = PipePeek.TryStart(_reader.SafePipeHandle) ?? throw new InvalidOperationException("tee(2) is not available here");
    }

    public void Dispose()
    {
        _peek.Dispose();
        _writer.Dispose();
        _reader.Dispose();
    }

    [Fact]
    public void Given_lines_in_the_pipe_When_peeked_Then_the_complete_ones_show_and_the_reader_still_gets_every_byte()
    {
        Write("first\nsecond\npart");

        var lines = _peek.ReadNewLines();

        Assert.Equal(["first", "second"], lines.Select(Text));
        Assert.Equal(2, _peek.Lines);
        Assert.Equal("first\nsecond\n".Length, _peek.LineBytes);
        _writer.Dispose();
        Assert.Equal("first\nsecond\npart", ReadAll());
    }

    [Fact]
    public void Given_a_line_written_in_pieces_When_peeked_between_them_Then_it_shows_once_and_only_when_complete()
    {
        Write("{\"type\":");
        Assert.Empty(_peek.ReadNewLines());

        Write("\"init\"}\nnext");
        var completed = _peek.ReadNewLines();
        var again = _peek.ReadNewLines();
        Write("\n");
        var last = _peek.ReadNewLines();

        Assert.Equal(["{\"type\":\"init\"}"], completed.Select(Text));
        Assert.Empty(again);
        Assert.Equal(["next"], last.Select(Text));
        Assert.Equal(2, _peek.Lines);
        _writer.Dispose();
        Assert.Equal("{\"type\":\"init\"}\nnext\n", ReadAll());
    }

    [Fact]
    public void Given_an_empty_line_When_peeked_Then_it_counts_as_a_line()
    {
        Write("\na\n");

        Assert.Equal(["", "a"], _peek.ReadNewLines().Select(Text));
        Assert.Equal(3, _peek.LineBytes);
    }

    [Fact]
    public void Given_the_writer_closed_When_peeked_Then_the_lines_still_show_the_unended_last_one_does_not_and_the_end_is_seen()
    {
        Write("done\ntail");
        Assert.False(_peek.WritersGone);

        _writer.Dispose();
        var lines = _peek.ReadNewLines();

        Assert.Equal(["done"], lines.Select(Text));
        Assert.True(_peek.WritersGone);
        Assert.Equal("done\ntail", ReadAll());
    }

    [Fact]
    public void Given_a_full_pipe_When_peeked_Then_every_line_it_holds_shows_and_the_blocked_writer_goes_on_once_the_reader_reads()
    {
        var line = new string('x', 99) + "\n";
        var fits = Posix.PipeCapacity((int)_reader.SafePipeHandle.DangerousGetHandle()) / line.Length;
        Write(string.Concat(Enumerable.Repeat(line, fits)));
        var blocked = Task.Run(() => Write(string.Concat(Enumerable.Repeat(line, 10))));

        var peeked = _peek.ReadNewLines();

        // The pipe holds the lines that fit and at most a part of the next one: the rest waits in the blocked writer.
        Assert.Equal(fits, peeked.Count);
        Assert.All(peeked, l => Assert.Equal(line.TrimEnd('\n'), Text(l)));
        var expected = string.Concat(Enumerable.Repeat(line, fits + 10));
        Assert.Equal(expected, ReadExactly(expected.Length));
        blocked.WaitAsync(Proc.Patience).GetAwaiter().GetResult();
    }

    [Fact]
    public void Given_the_reader_took_bytes_When_peeked_again_Then_nothing_shows_rather_than_a_shifted_copy()
    {
        Write("one\n");
        Assert.Single(_peek.ReadNewLines());
        var buffer = new byte[4];
        Assert.Equal(4, _reader.Read(buffer));

        Write("two\n");

        Assert.Empty(_peek.ReadNewLines());
    }

    private string ReadExactly(int length)
    {
        var all = new byte[length];
        _reader.ReadExactly(all);
        return Encoding.UTF8.GetString(all);
    }

    private void Write(string text)
    {
        _writer.Write(Encoding.UTF8.GetBytes(text));
        _writer.Flush();
    }

    private string ReadAll()
    {
        using var copy = new MemoryStream();
        _reader.CopyTo(copy);
        return Encoding.UTF8.GetString(copy.ToArray());
    }

    private static string Text(byte[] line) => Encoding.UTF8.GetString(line);
}
