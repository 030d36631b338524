using System.CommandLine;
using AgentDeck.Cli.Commands.Events;
using AgentDeck.Cli.Commands.Import;
using AgentDeck.Cli.Commands.Ledger;
using AgentDeck.Cli.Commands.Parse;
using AgentDeck.Cli.Commands.Runs;
using AgentDeck.Cli.Commands.Show;

namespace AgentDeck.Cli.Hosting;

/// <summary>The verbs of <c>agentdeck</c>; each lives in its own folder under Commands/.</summary>
public static class CommandTree
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("AgentDeck: mission control for AI coding agents.");
        root.Add(ParseCommand.Create(context));
        root.Add(ImportCommand.Create(context));
        root.Add(RunsCommand.Create(context));
        root.Add(ShowCommand.Create(context));
        root.Add(EventsCommand.Create(context));
        root.Add(LedgerCommand.Create(context));
        return root;
    }
}
