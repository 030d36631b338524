using System.Text;
using AgentDeck.Core;
using AgentDeck.Core.Routing;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>The one short block a role with no route gets: the problem and the fix, then each candidate and why it was left out.</summary>
public static class NoRouteMessage
{
    private const string NoRoutePrefix = "no route: ";

    public static string For(RouteDecision decision, IEnumerable<string> agentsWithoutCandidates, AgentKind? agent)
    {
        var text = new StringBuilder();
        var scope = agent is { } only ? $" on {only.ToName()}" : "";
        var why = decision.Reason.StartsWith(NoRoutePrefix, StringComparison.Ordinal) ? decision.Reason[NoRoutePrefix.Length..] : decision.Reason;
        text.Append($"role {decision.Role} has no route{scope}: {why}; fix: name one with --agent and --model or --profile, ")
            .Append("or change [routing.roles.").Append(decision.Role).Append("] in config.toml ('agentdeck route' shows the plan)");
        foreach (var verdict in decision.Considered)
        {
            text.Append($"\n  {verdict.Candidate}: {verdict.Verdict}");
        }

        foreach (var line in agentsWithoutCandidates)
        {
            text.Append($"\n  {line}");
        }

        return text.ToString();
    }
}
