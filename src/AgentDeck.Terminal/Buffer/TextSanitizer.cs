using System.Buffers;
using System.Text;

namespace AgentDeck.Terminal;

/// <summary>
/// Makes untrusted text (agent output) safe to put into cells: escape sequences (CSI, OSC, DCS, SOS, PM, APC and
/// two-byte escapes, 7-bit and C1 forms) are removed whole, other controls are dropped, tabs become spaces up to the
/// next tab stop, a carriage return keeps only what follows it (the terminal would overwrite the line), bidi
/// overrides are dropped, lone surrogates and noncharacters become U+FFFD, and a line longer than
/// <see cref="MaxColumns"/> is cut with an ellipsis.
/// </summary>
public sealed class TextSanitizer
{
    private const char Esc = '\u001b';
    private const char Bel = '\u0007';
    private const string Ellipsis = "…";
    private static readonly SearchValues<char> Introducers = SearchValues.Create("\u001b\u009b\u009d\u0090\u0098\u009e\u009f");

    public TextSanitizer(int tabWidth = 4, int maxColumns = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tabWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxColumns, 1);
        TabWidth = tabWidth;
        MaxColumns = maxColumns;
    }

    public static TextSanitizer Default { get; } = new();

    public int TabWidth { get; }
    public int MaxColumns { get; }

    /// <summary>Decodes UTF-8 (invalid sequences become U+FFFD) and sanitizes the result as lines.</summary>
    public IReadOnlyList<string> SanitizeLines(ReadOnlySpan<byte> utf8) => SanitizeLines(Encoding.UTF8.GetString(utf8));

    /// <summary>Splits on line feeds and sanitizes each line.</summary>
    public IReadOnlyList<string> SanitizeLines(string text)
    {
        var lines = new List<string>();
        var withoutSequences = StripSequences(text);
        foreach (var line in withoutSequences.Split('\n'))
        {
            lines.Add(SanitizeLine(line));
        }

        return lines;
    }

    /// <summary>Sanitizes text meant for one line: line feeds become spaces.</summary>
    public string SanitizeLine(string text)
    {
        if (IsPlainAscii(text) && text.Length <= MaxColumns)
        {
            return text;
        }

        var stripped = StripSequences(text).TrimEnd('\r', '\n');
        var lastReturn = stripped.LastIndexOf('\r');
        var visible = lastReturn >= 0 ? stripped[(lastReturn + 1)..] : stripped;
        return CleanCharacters(visible);
    }

    private string CleanCharacters(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxColumns + 1));
        var columns = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            string piece;
            if (c == '\t')
            {
                piece = new string(' ', TabWidth - columns % TabWidth);
            }
            else if (c == '\n')
            {
                piece = " ";
            }
            else if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    piece = text.Substring(i, 2);
                    i++;
                }
                else
                {
                    piece = Grapheme.Replacement;
                }
            }
            else if (char.IsControl(c) || IsBidiControl(c))
            {
                continue;
            }
            else
            {
                piece = c is '\uFFFE' or '\uFFFF' ? Grapheme.Replacement : c < 0x80 ? Cell.AsciiString(c) : c.ToString();
            }

            var width = CellWidth.OfDisplayed(piece);
            if (columns + width > MaxColumns)
            {
                TrimToFit(builder, ref columns);
                builder.Append(Ellipsis);
                break;
            }

            builder.Append(piece);
            columns += width;
        }

        return builder.ToString();
    }

    // Makes room for the ellipsis at the end of a line that is exactly full.
    private void TrimToFit(StringBuilder builder, ref int columns)
    {
        while (builder.Length > 0 && columns + 1 > MaxColumns)
        {
            var last = builder.Length - 1;
            var length = last > 0 && char.IsLowSurrogate(builder[last]) ? 2 : 1;
            columns -= CellWidth.OfDisplayed(builder.ToString(builder.Length - length, length));
            builder.Length -= length;
        }
    }

    /// <summary>Removes every escape sequence, including C1 (U+0080–U+009F) introduced ones.</summary>
    internal static string StripSequences(string text)
    {
        if (text.AsSpan().IndexOfAny(Introducers) < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == Esc && i + 1 < text.Length)
            {
                i = SkipEscape(text, i + 1);
            }
            else if (c == Esc)
            {
                i++;
            }
            else if (c == '\u009b')
            {
                i = SkipCsi(text, i + 1);
            }
            else if (c is '\u009d' or '\u0090' or '\u0098' or '\u009e' or '\u009f')
            {
                i = SkipString(text, i + 1);
            }
            else
            {
                builder.Append(c);
                i++;
            }
        }

        return builder.ToString();
    }

    // i points just after ESC.
    private static int SkipEscape(string text, int i)
    {
        var c = text[i];
        return c switch
        {
            '[' => SkipCsi(text, i + 1),
            ']' or 'P' or 'X' or '^' or '_' => SkipString(text, i + 1),
            >= ' ' and <= '/' => SkipIntermediates(text, i),
            >= '0' and <= '~' => i + 1,
            _ => i,
        };
    }

    private static int SkipCsi(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c is >= '@' and <= '~')
            {
                return i + 1;
            }

            if (c is < ' ' or > '?')
            {
                return i;
            }

            i++;
        }

        return i;
    }

    // Control strings end at BEL or ST (ESC \ or U+009C).
    private static int SkipString(string text, int i)
    {
        while (i < text.Length)
        {
            var c = text[i];
            if (c is Bel or '\u009c')
            {
                return i + 1;
            }

            if (c == Esc)
            {
                return i + 1 < text.Length && text[i + 1] == '\\' ? i + 2 : i + 1;
            }

            i++;
        }

        return i;
    }

    private static int SkipIntermediates(string text, int i)
    {
        while (i < text.Length && text[i] is >= ' ' and <= '/')
        {
            i++;
        }

        return i < text.Length && text[i] is >= '0' and <= '~' ? i + 1 : i;
    }

    private static bool IsBidiControl(char c) =>
        c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200e' or '\u200f' or '\u061c';

    private static bool IsPlainAscii(string text)
    {
        foreach (var c in text)
        {
            if (c is < ' ' or >= (char)0x7F)
            {
                return false;
            }
        }

        return true;
    }
}
