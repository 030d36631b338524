using System.Globalization;

namespace AgentDeck.Core.Teams.Results;

/// <summary>Lines <see cref="Start"/> to <see cref="End"/> of a file, both included, counted from 1.</summary>
public readonly record struct LineRange(int Start, int End)
{
    /// <summary>No real source file is this long; a larger number is a made-up location.</summary>
    public const int MaxLine = 1_000_000;

    /// <summary>Lines between the two ranges: 0 when they touch or overlap.</summary>
    public int GapTo(LineRange other) => Math.Max(0, Math.Max(Start, other.Start) - Math.Min(End, other.End) - 1);

    public LineRange Union(LineRange other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    public override string ToString() => Start == End
        ? Start.ToString(CultureInfo.InvariantCulture)
        : $"{Start.ToString(CultureInfo.InvariantCulture)}-{End.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Reads <c>A-B</c> (or a single line <c>A</c>); the problem says what is wrong with anything else.</summary>
    public static bool TryParse(string text, out LineRange range, out string? problem)
    {
        range = default;
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            problem = $"\"{text}\" is not a line range of the form A-B (e.g. \"12-30\")";
            return false;
        }

        var end = parts.Length == 2 ? int.Parse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture) : start;
        problem = start < 1 || end < 1 ? $"\"{text}\" has line 0; lines count from 1"
            : end < start ? $"\"{text}\" ends before it starts ({end} < {start})"
            : end > MaxLine ? $"\"{text}\" is past line {MaxLine:N0}; no file is that long"
            : null;
        if (problem is not null)
        {
            return false;
        }

        range = new LineRange(start, end);
        return true;
    }
}
