using System.Globalization;
using System.Text;

namespace AgentDeck.Toml.Parsing;

/// <summary>Decodes TOML floats: fraction and/or exponent, underscores between digits, inf and nan.</summary>
internal static class FloatDecoder
{
    public static bool TryDecode(string text, out double value, out string error)
    {
        value = 0;
        error = "";
        var index = 0;
        var negative = text[0] == '-';
        if (text[0] is '+' or '-')
        {
            index = 1;
        }

        switch (text.AsSpan(index))
        {
            case "inf":
                value = negative ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            case "nan":
                value = double.NaN;
                return true;
        }

        var normalized = new StringBuilder(text.Length);
        normalized.Append(negative ? "-" : "");
        var integral = DigitRun.Read(text, ref index, char.IsAsciiDigit, out var problem);
        if (integral is null)
        {
            return Fail(text, problem, out error);
        }

        if (integral.Length > 1 && integral[0] == '0')
        {
            return Fail(text, "leading zeros are not allowed", out error);
        }

        normalized.Append(integral);
        if (index < text.Length && text[index] == '.')
        {
            index++;
            var fraction = DigitRun.Read(text, ref index, char.IsAsciiDigit, out problem);
            if (fraction is null)
            {
                return Fail(text, problem == DigitRun.NoDigit ? "a decimal point must have digits on both sides" : problem, out error);
            }

            normalized.Append('.').Append(fraction);
        }

        if (index < text.Length && text[index] is 'e' or 'E')
        {
            index++;
            normalized.Append('e');
            if (index < text.Length && text[index] is '+' or '-')
            {
                normalized.Append(text[index++]);
            }

            var exponent = DigitRun.Read(text, ref index, char.IsAsciiDigit, out problem);
            if (exponent is null)
            {
                return Fail(text, $"bad exponent: {problem}", out error);
            }

            normalized.Append(exponent);
        }

        if (index != text.Length)
        {
            return Fail(text, $"unexpected '{text[index]}'", out error);
        }

        value = double.Parse(normalized.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        return !double.IsInfinity(value) || Fail(text, "out of the 64-bit float range", out error);
    }

    private static bool Fail(string text, string problem, out string error)
    {
        error = $"invalid float '{text}': {problem}";
        return false;
    }
}
