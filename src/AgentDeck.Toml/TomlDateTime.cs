using System.Globalization;
using System.Text;

namespace AgentDeck.Toml;

/// <summary>
/// One of TOML's four date/time types. Fractional seconds keep 100 ns precision (finer digits are truncated,
/// as the TOML spec allows).
/// </summary>
public sealed class TomlDateTime : TomlValue
{
    public TomlDateTime(TomlDateTimeKind dateTimeKind, DateOnly? date, TimeOnly? time, TimeSpan? offset,
        TomlPosition position = default)
        : base(position)
    {
        var expectsDate = dateTimeKind != TomlDateTimeKind.LocalTime;
        var expectsTime = dateTimeKind != TomlDateTimeKind.LocalDate;
        var expectsOffset = dateTimeKind == TomlDateTimeKind.OffsetDateTime;
        if (date.HasValue != expectsDate || time.HasValue != expectsTime || offset.HasValue != expectsOffset)
        {
            throw new ArgumentException($"A {dateTimeKind} needs exactly the date, time and offset parts it names.");
        }

        DateTimeKind = dateTimeKind;
        Date = date;
        Time = time;
        Offset = offset;
    }

    public TomlDateTimeKind DateTimeKind { get; }

    public DateOnly? Date { get; }

    public TimeOnly? Time { get; }

    /// <summary>Only for <see cref="TomlDateTimeKind.OffsetDateTime"/>.</summary>
    public TimeSpan? Offset { get; }

    public override TomlValueKind Kind => TomlValueKind.DateTime;

    /// <summary>The instant of an offset date-time.</summary>
    public DateTimeOffset ToDateTimeOffset() => DateTimeKind == TomlDateTimeKind.OffsetDateTime
        ? new DateTimeOffset(Date!.Value.ToDateTime(Time!.Value), Offset!.Value)
        : throw new InvalidOperationException($"A {DateTimeKind} has no offset; it is not an instant.");

    /// <summary>RFC 3339 text, e.g. 1979-05-27T07:32:00.5-07:00, 07:32:00, 1979-05-27.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(35);
        if (Date is { } date)
        {
            text.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        if (Time is { } time)
        {
            if (Date.HasValue)
            {
                text.Append('T');
            }

            text.Append(time.ToString("HH:mm:ss", CultureInfo.InvariantCulture));
            var fraction = time.Ticks % TimeSpan.TicksPerSecond;
            if (fraction != 0)
            {
                text.Append('.').Append(fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0'));
            }
        }

        if (Offset is { } offset)
        {
            if (offset == TimeSpan.Zero)
            {
                text.Append('Z');
            }
            else
            {
                text.Append(offset < TimeSpan.Zero ? '-' : '+')
                    .Append(offset.Duration().ToString(@"hh\:mm", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
