using System.Buffers;
using System.Text;

namespace AgentDeck.Terminal;

/// <summary>Appends ASCII control text, decimal numbers and UTF-8 cell text to a byte sink.</summary>
internal readonly struct AnsiOutput(IBufferWriter<byte> sink)
{
    public void Byte(byte value)
    {
        sink.GetSpan(1)[0] = value;
        sink.Advance(1);
    }

    public void Ascii(string text)
    {
        var span = sink.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        sink.Advance(text.Length);
    }

    public void Number(int value)
    {
        var span = sink.GetSpan(11);
        value.TryFormat(span, out var written);
        sink.Advance(written);
    }

    public void Text(string text)
    {
        if (text.Length == 1 && text[0] < 0x80)
        {
            Byte((byte)text[0]);
            return;
        }

        var span = sink.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        sink.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    /// <summary>Decimal digits of a non-negative number, for comparing the cost of sequences.</summary>
    public static int Digits(int value) => value < 10 ? 1 : value < 100 ? 2 : value < 1000 ? 3 : value < 10000 ? 4 : 10;
}
