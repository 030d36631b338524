using System.Text;

namespace AgentDeck.Agents.Tests.Snapshots;

/// <summary>Compares a stored snapshot with a fresh one input by input and describes the first differences.</summary>
internal static class SnapshotDiff
{
    private const int Shown = 3;
    private const int MaxShownChars = 700;

    /// <summary>Null when equal; otherwise a message naming the first differing inputs with expected and actual events.</summary>
    public static string? Describe(string snapshotName, string[] expected, string[] actual)
    {
        var want = Group(expected);
        var got = Group(actual);
        var differences = new List<string>();
        var count = 0;
        for (var i = 0; i < Math.Max(want.Count, got.Count); i++)
        {
            var w = i < want.Count ? want[i] : null;
            var g = i < got.Count ? got[i] : null;
            if (w is not null && g is not null && w.SequenceEqual(g))
            {
                continue;
            }

            count++;
            if (differences.Count < Shown)
            {
                differences.Add(Explain(i, w, g));
            }
        }

        if (count == 0)
        {
            return null;
        }

        var message = new StringBuilder()
            .Append($"{snapshotName}: {count} of {Math.Max(want.Count, got.Count)} inputs differ from the snapshot ")
            .Append($"(expected {want.Count} inputs, got {got.Count}). First {differences.Count}:\n");
        foreach (var d in differences)
        {
            message.Append(d).Append('\n');
        }

        return message.Append("If the change is intended, regenerate with AGENTDECK_UPDATE_SNAPSHOTS=1 (see tests/fixtures/parse-snapshots/README.md).").ToString();
    }

    /// <summary>Splits the lines into inputs: a header line and the event lines after it.</summary>
    private static List<List<string>> Group(string[] lines)
    {
        var groups = new List<List<string>>();
        foreach (var line in lines)
        {
            if (line.StartsWith(SnapshotFile.HeaderStart, StringComparison.Ordinal) || groups.Count == 0)
            {
                groups.Add([]);
            }

            groups[^1].Add(line);
        }

        return groups;
    }

    private static string Explain(int index, List<string>? want, List<string>? got)
    {
        var text = new StringBuilder($"- input #{index + 1}: ");
        if (want is null || got is null)
        {
            return text.Append(want is null ? $"extra input {Cut(got![0])}" : $"missing input {Cut(want[0])}").ToString();
        }

        if (want[0] != got[0])
        {
            text.Append($"the input itself changed (generator, seed or fixture): expected {Cut(want[0])}, got {Cut(got[0])}\n");
        }
        else
        {
            text.Append(Cut(want[0])).Append('\n');
        }

        text.Append("  expected events:\n");
        foreach (var e in want.Skip(1))
        {
            text.Append("    ").Append(Cut(e)).Append('\n');
        }

        text.Append("  actual events:\n");
        foreach (var e in got.Skip(1))
        {
            text.Append("    ").Append(Cut(e)).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string Cut(string line) => line.Length <= MaxShownChars ? line : $"{line[..MaxShownChars]}… ({line.Length} chars)";
}
