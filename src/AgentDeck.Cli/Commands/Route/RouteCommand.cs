using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Route;

/// <summary><c>agentdeck route [--role R | --team R1,R2] [--json]</c>: which agent and model each role goes to, and why.</summary>
public static class RouteCommand
{
    public static Command Create(CliContext context)
    {
        var role = new Option<string?>("--role") { Description = "Plan one role." };
        var team = new Option<string?>("--team") { Description = "Plan these roles (comma-separated)." };
        var json = new Option<bool>("--json") { Description = "Print the plan as JSON." };
        var command = new Command("route", "Print the routing plan: role → agent, model, profile, expected cost and the reason.") { role, team, json };
        command.SetAction(result => new RouteHandler(context).Run(result.GetValue(role), result.GetValue(team), result.GetValue(json)));
        return command;
    }
}
