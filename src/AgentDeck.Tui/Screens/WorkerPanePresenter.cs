using AgentDeck.Tui.Model;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>A worker as text: pane title, figure lines and the live tail. Pure, so table tests pin it down.</summary>
public static class WorkerPanePresenter
{
    public const string UnreadMarker = "✱";

    public static string Title(WorkerView worker, int number) =>
        $"{number} {WorkerStates.Glyph(worker.Run.Status)} {WorkerFormat.Label(worker.Run)}{(worker.Unread ? " " + UnreadMarker : "")}";

    public static IReadOnlyList<PaneLine> Figures(WorkerView worker, DateTimeOffset now) =>
    [
        new($"{WorkerStates.Glyph(worker.Run.Status)} {WorkerFormat.Status(worker.Run.Status)} · {worker.Phase} · {WorkerFormat.Elapsed(worker.Run, now)}", WorkerStates.Role(worker.Run.Status)),
        new($"{WorkerFormat.Tokens(worker.Run)} · {WorkerFormat.Cost(worker.Run.CostUsd)} · {worker.Run.ToolCalls} tool calls", worker.Run.CostUsd is null ? ThemeRole.Muted : ThemeRole.Text),
        new("⚙ " + (worker.LastTool ?? "no tool call yet"), worker.LastTool is null ? ThemeRole.Muted : ThemeRole.ToolCall),
    ];

    /// <summary>The list layout's one row per worker (narrow terminals).</summary>
    public static string Row(WorkerView worker, int number, DateTimeOffset now) =>
        $"{(worker.Unread ? UnreadMarker : " ")}{number,2} {WorkerStates.Glyph(worker.Run.Status)} {worker.Run.Agent}/{worker.Run.Role ?? "-"} " +
        $"{WorkerFormat.Status(worker.Run.Status)} · {WorkerFormat.Elapsed(worker.Run, now)} · {WorkerFormat.Cost(worker.Run.CostUsd)} · {worker.LastTool ?? worker.Phase}";

    public static bool Matches(WorkerView worker, string filter) =>
        filter.Length == 0 || new[] { worker.Run.Agent, worker.Run.Role, worker.Run.Model, WorkerFormat.Status(worker.Run.Status), worker.Run.Prompt, worker.Run.Id }
            .Any(field => field?.Contains(filter, StringComparison.OrdinalIgnoreCase) == true);
}
