using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Profiles;

/// <summary><c>agentdeck profiles [--json]</c>: every provider/profile found, with its source; secrets never shown.</summary>
public static class ProfilesCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print profiles as JSON." };
        var command = new Command("profiles", "List the profiles found in CC-Switch, Codex, Claude and AgentDeck config.") { json };
        command.SetAction(result => new ProfilesHandler(context).Run(result.GetValue(json)));
        return command;
    }
}
