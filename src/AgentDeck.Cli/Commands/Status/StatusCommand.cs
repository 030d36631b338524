using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Status;

/// <summary><c>agentdeck status [RUN] [--json]</c>.</summary>
public static class StatusCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string?>("RUN") { Description = "Run id or unique prefix; the latest runs when left out.", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print JSON." };
        var command = new Command("status", "Show a run, or the latest runs, with status from the protocol.") { run, json };
        command.SetAction((result, cancellationToken) => new StatusHandler(context).RunAsync(result.GetValue(run), result.GetValue(json), cancellationToken));
        return command;
    }
}
