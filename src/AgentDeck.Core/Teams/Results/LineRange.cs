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
        var shown = JsonFields.Shorten(text);
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        long end = 0;
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || (parts.Length == 2 && !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out end)))
        {
            problem = $"\"{shown}\" is not a line range of the form A-B (e.g. \"12-30\")";
            return false;
        }

        end = parts.Length == 2 ? end : start;
        problem = start < 1 || end < 1 ? $"\"{shown}\" has line 0; lines count from 1"
            : end < start ? $"\"{shown}\" ends before it starts ({end} < {start})"
            : end > MaxLine ? $"\"{shown}\" is past line {MaxLine:N0}; no file is that long"
            : null;
        if (problem is not null)
        {
            return false;
        }

        range = new LineRange((int)start, (int)end);
        return true;
    }
}
