using System.Buffers;
using System.Globalization;

namespace AgentDeck.Tui.Screens;

/// <summary>
/// One line of screen text put together in a caller's (stack) buffer, growing into a pooled array when it runs out:
/// the frame path writes its lines into cells from here instead of building a string per line.
/// Dispose it (or call <see cref="ToStringAndDispose"/>) to hand a pooled array back.
/// </summary>
public ref struct LineText
{
    private char[]? _rented;
    private Span<char> _chars;
    private int _length;

    public LineText(Span<char> initial)
    {
        _chars = initial;
        _rented = null;
        _length = 0;
    }

    public readonly int Length => _length;

    public readonly ReadOnlySpan<char> Text => _chars[.._length];

    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    public void Append(scoped ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _chars.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars[_length..]);
        _length += text.Length;
    }

    /// <summary>Appends a value formatted with the invariant culture (no string in between).</summary>
    public void Append<T>(T value, string? format = null)
        where T : ISpanFormattable
    {
        int written;
        while (!value.TryFormat(_chars[_length..], out written, format, CultureInfo.InvariantCulture))
        {
            Grow(Math.Max(32, _chars.Length - _length));
        }

        _length += written;
    }

    /// <summary>Appends <paramref name="value"/> right-aligned in <paramref name="width"/> columns, as <c>{value,width}</c> does.</summary>
    public void AppendPadded(int value, int width)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        for (var i = written; i < width; i++)
        {
            Append(' ');
        }

        Append(digits[..written]);
    }

    public readonly override string ToString() => new(Text);

    public string ToStringAndDispose()
    {
        var text = ToString();
        Dispose();
        return text;
    }

    public void Dispose()
    {
        if (_rented is { } rented)
        {
            _rented = null;
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private void Grow(int more)
    {
        var bigger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + more));
        _chars[.._length].CopyTo(bigger);
        Dispose();
        _rented = bigger;
        _chars = bigger;
    }
}
