using AgentDeck.Terminal;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Themes;

namespace AgentDeck.Tui.Screens;

/// <summary>Team results: each team's members, their outcome and first line of result, with an agreement/conflict marker.</summary>
public static class TeamPanel
{
    public static void Draw(Painter painter, DeckSnapshot snapshot)
    {
        var inside = painter.Box(new Rect(0, 0, painter.Width, painter.Height), "Team results", true);
        var teams = TeamResult.From(snapshot.Workers.Select(w => w.Run));
        if (teams.Count == 0)
        {
            inside.Text(0, 0, "No team runs here: runs started as a team show up grouped, with agreement markers.", ThemeRole.Muted);
            return;
        }

        var y = 0;
        foreach (var team in teams)
        {
            if (y >= inside.Height) break;
            var end = inside.Text(0, y, "team " + team.Team + "  ", ThemeRole.Title);
            inside.Text(end, y++, team.Marker, !team.Finished ? ThemeRole.Muted : team.Agree ? ThemeRole.Agreement : ThemeRole.Conflict);
            foreach (var member in team.Members)
            {
                if (y >= inside.Height) break;
                var result = member.FinalText is { } text ? TextSanitizer.Default.SanitizeLines(text).FirstOrDefault(l => l.Trim().Length > 0) ?? "" : member.FailureReason ?? "";
                inside.Text(2, y, WorkerStates.Glyph(member.Status), WorkerStates.Role(member.Status));
                inside.Text(4, y++, $"{member.Role ?? member.Agent} ({member.Agent}) {WorkerFormat.Status(member.Status)} · {WorkerFormat.Cost(member.CostUsd)} · {result}", ThemeRole.Text);
            }

            y++;
        }
    }
}
