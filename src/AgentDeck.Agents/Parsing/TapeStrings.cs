using System.Buffers;
using System.Text;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// The text of a JSON string's raw bytes (quotes off). Escapes decode as System.Text.Json decodes them: a \u escape
/// of a surrogate must be a high one followed by a \u low one, otherwise the read throws
/// <see cref="InvalidOperationException"/>, as <c>JsonElement.GetString</c> does.
/// </summary>
internal static class TapeStrings
{
    private const int StackLimit = 512;

    public static string Text(ReadOnlySpan<byte> raw, bool escaped)
    {
        if (!escaped)
        {
            return Encoding.UTF8.GetString(raw);
        }

        byte[]? rented = null;
        var buffer = raw.Length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            return Encoding.UTF8.GetString(buffer[..Unescape(raw, buffer)]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Whether an escaped raw name decodes to <paramref name="utf8Name"/>.</summary>
    public static bool NameEquals(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> utf8Name)
    {
        if (utf8Name.Length > raw.Length)
        {
            return false;
        }

        byte[]? rented = null;
        var buffer = raw.Length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(raw.Length));
        try
        {
            return buffer[..Unescape(raw, buffer)].SequenceEqual(utf8Name);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes the decoded UTF-8 of <paramref name="raw"/> (escapes already checked by the tape) and returns its length.</summary>
    private static int Unescape(ReadOnlySpan<byte> raw, Span<byte> output)
    {
        var written = 0;
        var i = 0;
        while (i < raw.Length)
        {
            var slash = raw[i..].IndexOf((byte)'\\');
            if (slash < 0)
            {
                raw[i..].CopyTo(output[written..]);
                return written + raw.Length - i;
            }

            raw.Slice(i, slash).CopyTo(output[written..]);
            written += slash;
            i += slash;
            var kind = raw[i + 1];
            if (kind != 'u')
            {
                output[written++] = kind switch
                {
                    (byte)'b' => (byte)'\b',
                    (byte)'f' => (byte)'\f',
                    (byte)'n' => (byte)'\n',
                    (byte)'r' => (byte)'\r',
                    (byte)'t' => (byte)'\t',
                    _ => kind,
                };
                i += 2;
                continue;
            }

            var scalar = Hex(raw, i + 2);
            i += 6;
            if (scalar is >= 0xD800 and <= 0xDFFF)
            {
                if (scalar >= 0xDC00 || i + 6 > raw.Length || raw[i] != '\\' || raw[i + 1] != 'u')
                {
                    throw new InvalidOperationException("Cannot read invalid UTF-16 JSON text as string: a lone surrogate escape");
                }

                var low = Hex(raw, i + 2);
                if (low is < 0xDC00 or > 0xDFFF)
                {
                    throw new InvalidOperationException("Cannot read invalid UTF-16 JSON text as string: a high surrogate without its low one");
                }

                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00);
                i += 6;
            }

            written += new Rune(scalar).EncodeToUtf8(output[written..]);
        }

        return written;
    }

    private static int Hex(ReadOnlySpan<byte> raw, int at)
    {
        var value = 0;
        for (var k = 0; k < 4; k++)
        {
            value = (value << 4) | HexDigit(raw[at + k]);
        }

        return value;
    }

    private static int HexDigit(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
