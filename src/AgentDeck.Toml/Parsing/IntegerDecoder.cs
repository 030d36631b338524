namespace AgentDeck.Toml.Parsing;

/// <summary>Decodes TOML integers: decimal with optional sign, 0x/0o/0b without sign, underscores, 64-bit range.</summary>
internal static class IntegerDecoder
{
    private static readonly (string Prefix, int Radix, Func<char, bool> IsDigit, string Name)[] Radixes =
    [
        ("0x", 16, char.IsAsciiHexDigit, "a hexadecimal"),
        ("0o", 8, c => c is >= '0' and <= '7', "an octal"),
        ("0b", 2, c => c is '0' or '1', "a binary"),
    ];

    public static bool TryDecode(string text, out long value, out string error)
    {
        value = 0;
        var index = 0;
        var negative = false;
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            index = 1;
        }

        foreach (var (prefix, radix, isDigit, name) in Radixes)
        {
            if (string.CompareOrdinal(text, index, prefix, 0, 2) == 0)
            {
                if (index > 0)
                {
                    error = $"invalid integer '{text}': {name} integer cannot have a sign";
                    return false;
                }

                index = 2;
                return TryAccumulate(text, index, radix, isDigit, negative: false, out value, out error, name);
            }
        }

        var body = text.AsSpan(index);
        if (body.Length > 1 && body[0] == '0')
        {
            error = $"invalid integer '{text}': " + body[1] switch
            {
                'X' or 'O' or 'B' => "write the prefix in lowercase (0x, 0o, 0b)",
                _ when char.IsAsciiDigit(body[1]) || body[1] == '_' => "leading zeros are not allowed",
                _ => $"unexpected '{body[1]}'",
            };
            return false;
        }

        return TryAccumulate(text, index, 10, char.IsAsciiDigit, negative, out value, out error, "a decimal");
    }

    private static bool TryAccumulate(string text, int index, int radix, Func<char, bool> isDigit, bool negative,
        out long value, out string error, string name)
    {
        value = 0;
        var digits = DigitRun.Read(text, ref index, isDigit, out error);
        if (digits is null || index != text.Length)
        {
            error = $"invalid integer '{text}': " + (digits is null ? error : $"unexpected '{text[index]}' in {name} integer");
            return false;
        }

        // Magnitudes up to 2^63 fit in ulong, which covers long.MinValue.
        var limit = negative ? 1UL << 63 : long.MaxValue;
        var magnitude = 0UL;
        foreach (var digit in digits)
        {
            var digitValue = (ulong)CharRules.HexDigitValue(digit);
            if (magnitude > (limit - digitValue) / (ulong)radix)
            {
                error = $"integer '{text}' is out of the 64-bit range";
                return false;
            }

            magnitude = magnitude * (ulong)radix + digitValue;
        }

        value = negative ? (long)(0UL - magnitude) : (long)magnitude;
        return true;
    }
}
