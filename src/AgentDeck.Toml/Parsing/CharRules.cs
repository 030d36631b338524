using System.Globalization;

namespace AgentDeck.Toml.Parsing;

/// <summary>TOML's character classes.</summary>
internal static class CharRules
{
    public static bool IsBareKeyChar(int c) =>
        c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '_' or '-';

    /// <summary>Characters that can appear in an unquoted value: numbers, booleans, dates, inf and nan.</summary>
    public static bool IsBareValueChar(int c) => IsBareKeyChar(c) || c is '+' or '.' or ':';

    public static bool IsWhitespace(int c) => c is ' ' or '\t';

    public static bool IsDigit(int c) => c is >= '0' and <= '9';

    /// <summary>Control characters TOML forbids in comments and strings (tab is allowed).</summary>
    public static bool IsForbiddenControl(int c) => c is (>= 0 and < 0x20 and not '\t') or 0x7F;

    private static bool IsInvisible(char c) => char.GetUnicodeCategory(c) is UnicodeCategory.Control
        or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
        or UnicodeCategory.OtherNotAssigned;

    public static int HexDigitValue(char digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    /// <summary>How to show a character in a message: printable ones quoted, others as U+XXXX.</summary>
    public static string Describe(int c) => c switch
    {
        -1 => "end of file",
        '\n' => "end of line",
        _ when IsInvisible((char)c) => $"U+{c:X4}",
        '\'' => "\"'\"",
        _ => $"'{(char)c}'",
    };
}
