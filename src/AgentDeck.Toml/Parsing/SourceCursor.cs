namespace AgentDeck.Toml.Parsing;

/// <summary>Walks the source text one UTF-16 unit at a time, keeping the 1-based line and code-point column.</summary>
internal sealed class SourceCursor(string text, string? sourceName)
{
    private int line = 1;
    private int column = 1;

    public string? SourceName { get; } = sourceName;

    public int Offset { get; private set; }

    public bool AtEnd => Offset >= text.Length;

    /// <summary>The current character; only valid when not <see cref="AtEnd"/>.</summary>
    public char Current => text[Offset];

    public TomlPosition Position => new(line, column);

    /// <summary>The character <paramref name="ahead"/> units on, or -1 past the end.</summary>
    public int Peek(int ahead = 0) => Offset + ahead < text.Length ? text[Offset + ahead] : -1;

    public bool Is(char expected) => Offset < text.Length && text[Offset] == expected;

    public bool StartsWith(string expected) =>
        Offset + expected.Length <= text.Length && string.CompareOrdinal(text, Offset, expected, 0, expected.Length) == 0;

    public void Advance()
    {
        var consumed = text[Offset++];
        if (consumed == '\n')
        {
            line++;
            column = 1;
        }
        else if (!char.IsLowSurrogate(consumed))
        {
            column++;
        }
    }

    public void Advance(int count)
    {
        for (var i = 0; i < count; i++)
        {
            Advance();
        }
    }

    /// <summary>The current character (or surrogate pair) for a message.</summary>
    public string DescribeCurrent() =>
        !AtEnd && char.IsHighSurrogate(Current) && Offset + 1 < text.Length && char.IsLowSurrogate(text[Offset + 1])
            ? $"'{text.Substring(Offset, 2)}'"
            : CharRules.Describe(Peek());

    public string Slice(int start, int end) => text[start..end];

    public TomlException Error(string reason) => Error(reason, Position);

    public TomlException Error(string reason, TomlPosition position) => new(reason, position, SourceName);
}
