namespace AgentDeck.Toml.Parsing;

/// <summary>
/// Decodes RFC 3339 dates and times as TOML restricts them: YYYY-MM-DD, HH:MM:SS[.frac] (seconds required),
/// T, t or one space between date and time, Z, z or ±HH:MM as offset.
/// </summary>
internal static class DateTimeDecoder
{
    public static bool IsFullDate(string text) =>
        text.Length == 10 && text[4] == '-' && text[7] == '-' && AllDigits(text, 0, 4) && AllDigits(text, 5, 2)
        && AllDigits(text, 8, 2);

    /// <summary>Whether bare text is meant as a date or time rather than a number.</summary>
    public static bool LooksLikeDateTime(string text)
    {
        // Numbers only carry '-' as a leading sign or after an exponent 'e'; a '-' after a digit means a date.
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == ':' || (text[i] == '-' && char.IsAsciiDigit(text[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    public static bool TryDecode(string text, TomlPosition position, out TomlDateTime value, out string error)
    {
        value = null!;
        if (IsTimeOnly(text))
        {
            if (!TryReadTime(text, 0, out var localTime, out var end, out error))
            {
                return false;
            }

            if (end != text.Length)
            {
                return Fail(text, "unexpected text after the time", out error);
            }

            value = new TomlDateTime(TomlDateTimeKind.LocalTime, null, localTime, null, position);
            return true;
        }

        if (!TryReadDate(text, out var date, out error))
        {
            return false;
        }

        if (text.Length == 10)
        {
            value = new TomlDateTime(TomlDateTimeKind.LocalDate, date, null, null, position);
            return true;
        }

        if (text[10] is not ('T' or 't' or ' '))
        {
            return Fail(text, "date and time must be separated by 'T' or one space", out error);
        }

        if (!TryReadTime(text, 11, out var time, out var timeEnd, out error))
        {
            return false;
        }

        if (timeEnd == text.Length)
        {
            value = new TomlDateTime(TomlDateTimeKind.LocalDateTime, date, time, null, position);
            return true;
        }

        if (!TryReadOffset(text, timeEnd, out var offset, out error))
        {
            return false;
        }

        value = new TomlDateTime(TomlDateTimeKind.OffsetDateTime, date, time, offset, position);
        return true;
    }

    /// <summary>A local time has a ':' before any '-' (a '-' after the time can only be an offset of a date-time).</summary>
    private static bool IsTimeOnly(string text)
    {
        var colon = text.IndexOf(':');
        var dash = text.IndexOf('-');
        return colon >= 0 && (dash < 0 || colon < dash);
    }

    private static bool TryReadDate(string text, out DateOnly date, out string error)
    {
        date = default;
        if (text.Length < 10 || !IsFullDate(text[..10]))
        {
            return Fail(text, "expected a date as YYYY-MM-DD", out error);
        }

        var year = Number(text, 0, 4);
        var month = Number(text, 5, 2);
        var day = Number(text, 8, 2);
        if (year < 1)
        {
            return Fail(text, "year 0000 is outside the supported range 0001-9999", out error);
        }

        if (month is < 1 or > 12)
        {
            return Fail(text, $"month {month:D2} is not 01-12", out error);
        }

        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return Fail(text, $"day {day:D2} does not exist in {year:D4}-{month:D2}", out error);
        }

        date = new DateOnly(year, month, day);
        error = "";
        return true;
    }

    private static bool TryReadTime(string text, int start, out TimeOnly time, out int end, out string error)
    {
        time = default;
        end = start + 8;
        if (text.Length < end || text[start + 2] != ':' || text[start + 5] != ':' || !AllDigits(text, start, 2)
            || !AllDigits(text, start + 3, 2) || !AllDigits(text, start + 6, 2))
        {
            return Fail(text, "expected a time as HH:MM:SS (seconds are required)", out error);
        }

        var hour = Number(text, start, 2);
        var minute = Number(text, start + 3, 2);
        var second = Number(text, start + 6, 2);
        if (hour > 23 || minute > 59 || second > 59)
        {
            return Fail(text, second == 60 && hour <= 23 && minute <= 59
                ? "leap seconds (:60) are not supported"
                : "time out of range (hours 00-23, minutes and seconds 00-59)", out error);
        }

        var ticks = new TimeSpan(hour, minute, second).Ticks;
        if (end < text.Length && text[end] == '.')
        {
            var digitsStart = ++end;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end == digitsStart)
            {
                return Fail(text, "a decimal point in seconds must be followed by digits", out error);
            }

            // 100 ns resolution: keep seven digits, truncate the rest as the spec allows.
            var fraction = text.Substring(digitsStart, Math.Min(7, end - digitsStart)).PadRight(7, '0');
            ticks += Number(fraction, 0, 7);
        }

        time = new TimeOnly(ticks);
        error = "";
        return true;
    }

    private static bool TryReadOffset(string text, int start, out TimeSpan offset, out string error)
    {
        offset = TimeSpan.Zero;
        var rest = text.Length - start;
        if (rest == 1 && text[start] is 'Z' or 'z')
        {
            error = "";
            return true;
        }

        if (rest != 6 || text[start] is not ('+' or '-') || text[start + 3] != ':' || !AllDigits(text, start + 1, 2)
            || !AllDigits(text, start + 4, 2))
        {
            return Fail(text, "expected Z or an offset as +HH:MM or -HH:MM after the time", out error);
        }

        var hours = Number(text, start + 1, 2);
        var minutes = Number(text, start + 4, 2);
        if (hours > 23 || minutes > 59)
        {
            return Fail(text, "offset out of range (hours 00-23, minutes 00-59)", out error);
        }

        offset = new TimeSpan(hours, minutes, 0);
        offset = text[start] == '-' ? -offset : offset;
        error = "";
        return true;
    }

    private static bool AllDigits(string text, int start, int count)
    {
        if (start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static int Number(string text, int start, int count)
    {
        var result = 0;
        for (var i = start; i < start + count; i++)
        {
            result = result * 10 + (text[i] - '0');
        }

        return result;
    }

    private static bool Fail(string text, string problem, out string error)
    {
        var what = IsTimeOnly(text) ? "time" : text.IndexOfAny(['T', 't', ' ', ':']) >= 0 ? "date-time" : "date";
        error = $"invalid {what} '{text}': {problem}";
        return false;
    }
}
