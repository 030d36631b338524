using System.CommandLine;
using AgentDeck.Cli.Commands.Parse;

namespace AgentDeck.Cli.Hosting;

/// <summary>The verbs of <c>agentdeck</c>; each lives in its own folder under Commands/.</summary>
public static class CommandTree
{
    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand("AgentDeck: mission control for AI coding agents.");
        root.Add(ParseCommand.Create(context));
        Commands.Tui.TuiCommand.Register(root, context);
        return root;
    }
}
