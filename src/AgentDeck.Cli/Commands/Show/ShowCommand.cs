using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Show;

/// <summary><c>agentdeck show RUN [--json]</c>: one run's outcome, tokens, cost, tool calls and files.</summary>
public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print the run as one JSON object." };
        var run = new Argument<string>("RUN") { Description = "A run id or a unique prefix of one." };
        var command = new Command("show", "Show one run.") { json, run };
        command.SetAction(result => new ShowHandler(context).Run(result.GetRequiredValue(run), result.GetValue(json)));
        return command;
    }
}
