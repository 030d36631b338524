using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Demo;

/// <summary>
/// <c>agentdeck demo</c>: works on a fresh machine with nothing logged in. It records the bundled real transcripts of
/// Claude Code, Codex, Gemini and OpenCode as runs in a scratch ledger and shows them as <c>runs</c> and <c>show</c> do.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var keep = new Option<string?>("--state") { Description = "Use this folder for the demo ledger instead of a fresh temporary one." };
        var noScreen = new Option<bool>("--no-tui") { Description = "Print the runs and exit instead of opening the mission-control screen." };
        var command = new Command("demo", "Record bundled real agent transcripts in a scratch ledger and open mission control on them.") { keep, noScreen };
        command.SetAction(result => new DemoHandler(context).Run(
            result.GetValue(keep),
            openScreen: !result.GetValue(noScreen) && !Console.IsOutputRedirected && !Console.IsInputRedirected));
        return command;
    }
}
