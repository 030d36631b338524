using AgentDeck.Tui.Model;

namespace AgentDeck.Tui.Screens;

/// <summary>
/// The route each worker actually got, as rows: read from the route recorded on its run (never a plan worked out
/// again), so the screen shows what was launched. Live workers come first. Pure, so table tests pin it down.
/// </summary>
public static class WorkerRoutePresenter
{
    public const string NotRouted = "named by hand, not routed";

    public static IReadOnlyList<string> Header { get; } = ["Run", "Role", "State", "Route", "Why"];

    public static IReadOnlyList<IReadOnlyList<string>> Rows(IReadOnlyList<WorkerView> workers) =>
        workers
            .OrderBy(worker => WorkerStates.IsActive(worker.Run.Status) ? 0 : 1)
            .Select(worker => (IReadOnlyList<string>)
            [
                worker.Run.Id,
                worker.Run.Role ?? "no role",
                WorkerFormat.Status(worker.Run.Status),
                worker.Run.Route?.ToString() ?? $"{worker.Run.Agent}/{worker.Run.Model ?? "default model"}",
                worker.Run.Route?.Reason ?? NotRouted,
            ])
            .ToList();
}
