using AgentDeck.Tui.Model;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>
/// A worker as text: pane title, figure lines and the live tail. Pure, so table tests pin it down. Each line is
/// written by one Append method; the string forms are made from the same methods (the grid appends straight into
/// a stack buffer and draws from there, no string per line).
/// </summary>
public static class WorkerPanePresenter
{
    public const string UnreadMarker = "✱";

    /// <summary>How many figure lines a pane shows above its tail.</summary>
    public const int FigureCount = 3;

    public static string Title(WorkerView worker, int number)
    {
        var line = new LineText(stackalloc char[128]);
        AppendTitle(ref line, worker, number);
        return line.ToStringAndDispose();
    }

    public static void AppendTitle(ref LineText line, WorkerView worker, int number)
    {
        line.Append(number);
        line.Append(' ');
        line.Append(WorkerStates.Glyph(worker.Run.Status));
        line.Append(' ');
        WorkerFormat.AppendLabel(ref line, worker.Run);
        if (worker.Unread)
        {
            line.Append(' ');
            line.Append(UnreadMarker);
        }
    }

    public static IReadOnlyList<PaneLine> Figures(WorkerView worker, DateTimeOffset now)
    {
        var figures = new PaneLine[FigureCount];
        for (var i = 0; i < FigureCount; i++)
        {
            var line = new LineText(stackalloc char[128]);
            var role = AppendFigure(ref line, i, worker, now);
            figures[i] = new PaneLine(line.ToStringAndDispose(), role);
        }

        return figures;
    }

    /// <summary>Appends figure line <paramref name="index"/> (0: state, 1: usage, 2: last tool) and returns its role.</summary>
    public static ThemeRole AppendFigure(ref LineText line, int index, WorkerView worker, DateTimeOffset now)
    {
        var run = worker.Run;
        switch (index)
        {
            case 0:
                line.Append(WorkerStates.Glyph(run.Status));
                line.Append(' ');
                line.Append(WorkerFormat.Status(run.Status));
                WorkerFormat.AppendDenied(ref line, run);
                line.Append(" · ");
                line.Append(worker.Phase);
                line.Append(" · ");
                line.Append(WorkerFormat.Elapsed(run, now));
                return WorkerStates.Role(run.Status);
            case 1:
                WorkerFormat.AppendTokens(ref line, run);
                line.Append(" · ");
                WorkerFormat.AppendCost(ref line, run.CostUsd);
                line.Append(" · ");
                line.Append(run.ToolCalls);
                line.Append(" tool calls");
                return run.CostUsd is null ? ThemeRole.Muted : ThemeRole.Text;
            case 2:
                line.Append("⚙ ");
                line.Append(worker.LastTool ?? "no tool call yet");
                return worker.LastTool is null ? ThemeRole.Muted : ThemeRole.ToolCall;
            default:
                throw new ArgumentOutOfRangeException(nameof(index), index, $"a pane has {FigureCount} figure lines");
        }
    }

    /// <summary>The list layout's one row per worker (narrow terminals).</summary>
    public static string Row(WorkerView worker, int number, DateTimeOffset now)
    {
        var line = new LineText(stackalloc char[256]);
        AppendRow(ref line, worker, number, now);
        return line.ToStringAndDispose();
    }

    public static void AppendRow(ref LineText line, WorkerView worker, int number, DateTimeOffset now)
    {
        var run = worker.Run;
        line.Append(worker.Unread ? UnreadMarker : " ");
        line.AppendPadded(number, 2);
        line.Append(' ');
        line.Append(WorkerStates.Glyph(run.Status));
        line.Append(' ');
        line.Append(run.Agent);
        line.Append('/');
        line.Append(run.Role ?? "-");
        line.Append(' ');
        line.Append(WorkerFormat.Status(run.Status));
        WorkerFormat.AppendDenied(ref line, run);
        line.Append(" · ");
        line.Append(WorkerFormat.Elapsed(run, now));
        line.Append(" · ");
        WorkerFormat.AppendCost(ref line, run.CostUsd);
        line.Append(" · ");
        line.Append(worker.LastTool ?? worker.Phase);
    }

    public static bool Matches(WorkerView worker, string filter) =>
        filter.Length == 0 || new[] { worker.Run.Agent, worker.Run.Role, worker.Run.Model, WorkerFormat.Status(worker.Run.Status), worker.Run.Prompt, worker.Run.Id }
            .Any(field => field?.Contains(filter, StringComparison.OrdinalIgnoreCase) == true);
}
