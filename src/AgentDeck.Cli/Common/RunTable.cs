using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Common;

/// <summary>The plain-text table of runs: fixed columns, the prompt or final text last, cut to fit.</summary>
public static class RunTable
{
    public static void Write(TextWriter output, IReadOnlyList<RunRecord> runs, DateTimeOffset now)
    {
        var rows = runs.Select(run => new[]
        {
            run.Id,
            run.Agent,
            RunFormat.Status(run, run.FailureReason),
            RunFormat.Ago(run.StartedAt, now),
            RunFormat.Compact(run.Tokens.TotalInput + run.Tokens.Output),
            RunFormat.Cost(run),
            RunFormat.Excerpt(run.Prompt ?? run.FinalText, 48),
        }).ToList();
        string[] header = ["ID", "AGENT", "STATUS", "STARTED", "TOKENS", "COST", "PROMPT / RESULT"];
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        WriteRow(output, header, widths);
        foreach (var row in rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        var padded = cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell.PadRight(widths[i]));
        output.WriteLine(string.Join("  ", padded).TrimEnd());
    }
}
