namespace AgentDeck.Toml.Parsing;

/// <summary>Turns an unquoted value (boolean, integer, float, date/time) into a TOML value.</summary>
internal static class BareValueDecoder
{
    public static bool TryDecode(string text, TomlPosition position, out TomlValue value, out string error)
    {
        value = null!;
        error = "";
        switch (text)
        {
            case "true" or "false":
                value = new TomlBoolean(text == "true", position);
                return true;
        }

        if (!StartsLikeNumber(text))
        {
            error = $"invalid value '{text}'; strings must be quoted (\"...\"), booleans are true or false";
            return false;
        }

        if (DateTimeDecoder.LooksLikeDateTime(text))
        {
            var decodedDate = DateTimeDecoder.TryDecode(text, position, out var dateTime, out error);
            value = dateTime;
            return decodedDate;
        }

        if (LooksLikeFloat(text))
        {
            var decodedFloat = FloatDecoder.TryDecode(text, out var number, out error);
            value = decodedFloat ? new TomlFloat(number, position) : null!;
            return decodedFloat;
        }

        var decodedInteger = IntegerDecoder.TryDecode(text, out var integer, out error);
        value = decodedInteger ? new TomlInteger(integer, position) : null!;
        return decodedInteger;
    }

    private static bool StartsLikeNumber(string text)
    {
        var body = text.AsSpan(text[0] is '+' or '-' ? 1 : 0);
        return body.Length > 0 && (char.IsAsciiDigit(body[0]) || body[0] == '.' || body is "inf" or "nan");
    }

    private static bool LooksLikeFloat(string text)
    {
        var body = text.AsSpan(text[0] is '+' or '-' ? 1 : 0);
        if (body.StartsWith("0x") || body.StartsWith("0o") || body.StartsWith("0b"))
        {
            return false;
        }

        return body is "inf" or "nan" || body.IndexOfAny('.', 'e', 'E') >= 0;
    }
}
