using AgentDeck.Core.Runs;

namespace AgentDeck.Tui.Screens;

/// <summary>A team's members and whether their outcomes agree (all the same) or conflict (some succeeded, some not).</summary>
public sealed record TeamResult(string Team, IReadOnlyList<RunRecord> Members, bool Finished, bool Agree)
{
    public static IReadOnlyList<TeamResult> From(IEnumerable<RunRecord> runs) => runs
        .Where(r => r.Team is not null)
        .GroupBy(r => r.Team!, StringComparer.Ordinal)
        .Select(g =>
        {
            var members = g.OrderBy(r => r.StartedAt).ToList();
            var finished = members.All(m => m.EndedAt is not null || !Model.WorkerStates.IsActive(m.Status) && m.Status != RunStatus.Idle);
            var agree = members.Select(m => m.Status == RunStatus.Succeeded).Distinct().Count() == 1;
            return new TeamResult(g.Key, members, finished, agree);
        })
        .ToList();

    public string Marker => !Finished ? "… in progress" : Agree ? "✔ outcomes agree" : "⚡ outcomes conflict";
}
