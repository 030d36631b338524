namespace AgentDeck.Toml.Parsing;

/// <summary>Reads a run of digits where single underscores may separate digits (1_000, 0xdead_beef).</summary>
internal static class DigitRun
{
    public const string NoDigit = "expected a digit";

    /// <summary>
    /// Reads from <paramref name="index"/> while digits or separating underscores follow. Returns the digits without
    /// underscores, or null with an <paramref name="error"/> when there is no digit or an underscore is misplaced.
    /// </summary>
    public static string? Read(string text, ref int index, Func<char, bool> isDigit, out string error)
    {
        error = "";
        var start = index;
        var digits = new System.Text.StringBuilder(text.Length - index);
        while (index < text.Length)
        {
            var c = text[index];
            if (isDigit(c))
            {
                digits.Append(c);
                index++;
            }
            else if (c == '_')
            {
                if (index == start || index + 1 >= text.Length || !isDigit(text[index + 1]))
                {
                    error = "an underscore in a number must sit between two digits";
                    return null;
                }

                index++;
            }
            else
            {
                break;
            }
        }

        if (digits.Length == 0)
        {
            error = NoDigit;
            return null;
        }

        return digits.ToString();
    }
}
