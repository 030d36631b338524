using System.Globalization;
using System.Text;
using AgentDeck.Cli.Common;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Terminal;

namespace AgentDeck.Cli.Commands.Export;

/// <summary>A run as a markdown report (pure: run + events + diff stat in, text out).</summary>
public static class RunMarkdown
{
    // Agent output is untrusted terminal text (Codex colours its stderr log): a report is read in editors and browsers.
    private static readonly TextSanitizer Plain = new(tabWidth: 4, maxColumns: 1_000_000);

    public static string Write(RunRecord run, IReadOnlyList<StoredEvent> events, string? diffStat)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.Append(inv, $"# Run {run.Id}\n\n");
        md.Append(inv, $"- **Status:** {RunFormat.Status(run, run.FailureReason)}\n");
        md.Append(inv, $"- **Route:** {run.Agent}{(run.Model is { } m ? " / " + m : "")}{(run.Profile is { } p ? " via profile " + p : "")}{(run.Role is { } role ? ", role " + role : "")}\n");
        md.Append(inv, $"- **Started:** {run.StartedAt:u}{(run.EndedAt is { } e ? $", ended {e:u} ({(e - run.StartedAt).TotalSeconds:0.#} s)" : "")}\n");
        if (run.ParentRun is { } parent)
        {
            md.Append(inv, $"- **Continues:** run {parent}\n");
        }

        md.Append(inv, $"- **Tokens:** input {run.Tokens.TotalInput} (cached {run.Tokens.CachedInput}), output {run.Tokens.Output}\n");
        md.Append(inv, $"- **Cost:** {(run.CostUsd is null ? "unknown" : RunFormat.Cost(run))}\n\n");
        md.Append("## Prompt\n\n").Append(Quote(run.Prompt)).Append("\n\n");

        md.Append("## Timeline\n\n");
        foreach (var stored in events)
        {
            if (Line(stored.ToEvent()) is { } line)
            {
                md.Append(inv, $"- `+{(stored.Time - run.StartedAt).TotalSeconds,6:0.0}s` {line}\n");
            }
        }

        var tools = events.Select(e => e.ToEvent()).OfType<ToolCallStarted>().ToList();
        md.Append(inv, $"\n## Tool calls ({tools.Count})\n\n");
        tools.ForEach(t => md.Append(inv, $"- {t.Name}: `{t.InputSummary.ReplaceLineEndings(" ")}`\n"));

        md.Append("\n## Files touched\n\n");
        md.Append(run.FilesTouched.Count == 0 ? "(none)\n" : string.Concat(run.FilesTouched.Select(f => $"- {f}\n")));
        if (diffStat is { Length: > 0 })
        {
            md.Append("\n## Diff stat\n\n```\n").Append(diffStat).Append("\n```\n");
        }

        md.Append("\n## Result\n\n").Append(Quote(run.FinalText ?? "(no final text)")).Append('\n');
        return string.Join('\n', Plain.SanitizeLines(md.ToString()));
    }

    private static string? Line(AgentEvent? e) => e switch
    {
        SessionStarted s => $"session {s.SessionId}{(s.Model is { } m ? " on " + m : "")}",
        TurnStarted => "turn started",
        UserMessage { IsSynthetic: false } u => "user: " + Short(u.Text),
        ToolCallStarted t => $"tool {t.Name} `{Short(t.InputSummary)}`",
        ToolCallFinished { IsError: true } f => $"tool {f.Name} failed: {Short(f.OutputSummary)}",
        PermissionRequested p => $"permission asked for {p.ToolName}",
        PermissionDenied d => $"permission denied for {d.ToolName}",
        ApiError a => $"API error {a.HttpStatus}: {Short(a.Message)}",
        Notice n => $"{n.Level}: {Short(n.Message)}",
        SteerSent steer => $"steered from {steer.From}: {Short(steer.Text)}",
        TurnCompleted c => $"turn {c.Outcome.ToString().ToLowerInvariant()}{(c.Reason is { } r ? $" ({r})" : "")}",
        _ => null,
    };

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 120 ? line[..117] + "..." : line;
    }

    private static string Quote(string? text) => string.Join('\n', (text ?? "").Split('\n').Select(l => "> " + l));
}
