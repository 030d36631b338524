using System.Buffers;
using System.Text;

namespace AgentDeck.Terminal.Tests;

/// <summary>
/// Frames drawn into reused buffers (swapped, or copied as the session keeps its last frame): the writer reuses
/// row hashes and skips unchanged rows, and the screen must still end up showing exactly each frame.
/// </summary>
public sealed class DiffWriterReuseTests
{
    private static string Write(DiffWriter writer, CellBuffer? previous, CellBuffer next)
    {
        var sink = new ArrayBufferWriter<byte>();
        writer.Write(previous, next, sink);
        return Encoding.UTF8.GetString(sink.WrittenSpan);
    }

    private static void DrawLog(CellBuffer frame, int first, string marker)
    {
        frame.Clear();
        for (var y = 0; y < frame.Height - 1; y++)
        {
            frame.SetString(0, y, $"line {first + y} ✔ ok", Style.Default);
        }

        frame.SetString(0, frame.Height - 1, marker, Style.Fg(TerminalColor.Indexed(9)));
    }

    [Fact]
    public void Given_two_swapped_buffers_When_a_log_streams_Then_each_frame_scrolls_and_the_screen_shows_it()
    {
        var writer = new DiffWriter(ColorDepth.TrueColor);
        var screen = new VirtualScreen(30, 8);
        CellBuffer? previous = null;
        var next = new CellBuffer(30, 8);
        var spare = new CellBuffer(30, 8);
        for (var frame = 0; frame < 12; frame++)
        {
            DrawLog(next, frame, $"frame {frame}");
            var bytes = Write(writer, previous, next);
            screen.Apply(bytes);
            Assert.Equal(next.ToLines(), screen.Lines());
            if (frame > 0)
            {
                Assert.Contains("\u001b[1;7r", bytes);
            }

            previous = next;
            (next, spare) = (spare, next);
        }
    }

    [Fact]
    public void Given_the_last_frame_kept_as_a_copy_When_the_frame_buffer_is_redrawn_in_place_Then_the_screen_shows_each_frame()
    {
        var writer = new DiffWriter(ColorDepth.TrueColor);
        var screen = new VirtualScreen(30, 8);
        var frame = new CellBuffer(30, 8);
        CellBuffer? last = null;
        for (var i = 0; i < 12; i++)
        {
            // Every third frame changes nothing but the marker: unchanged rows must still be exact.
            DrawLog(frame, i - i % 3, $"frame {i}");
            screen.Apply(Write(writer, last, frame));
            Assert.Equal(frame.ToLines(), screen.Lines());
            last ??= new CellBuffer(30, 8);
            last.CopyFrom(frame);
        }
    }
}
