using System.CommandLine;
using AgentDeck.Cli.Commands.Demo.Live;
using AgentDeck.Cli.Hosting;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Commands.Demo;

/// <summary>
/// <c>agentdeck demo</c>: works on a fresh machine with nothing logged in. By default it starts a scripted team of live
/// workers in a scratch git repository (real CLIs against the mock model server when installed, otherwise the
/// simulated agent) and opens mission control on them; <c>--replay</c> records the bundled real transcripts instead.
/// </summary>
public static class DemoCommand
{
    public static Command Create(CliContext context)
    {
        var directory = new Option<string?>("--dir", "--state") { Description = "Use this folder for the demo's scratch repository and ledger instead of a fresh temporary one." };
        var noScreen = new Option<bool>("--no-tui") { Description = "Wait for the team and print its runs instead of opening the mission-control screen." };
        var simulate = new Option<bool>("--simulate") { Description = "Use the built-in simulated agent even when claude or codex is installed." };
        var pace = new Option<int>("--pace-ms") { Description = "Pause between the simulated agent's streamed chunks.", DefaultValueFactory = _ => 120 };
        var wait = new Option<int>("--timeout") { Description = "Seconds the non-interactive demo waits for its team.", DefaultValueFactory = _ => 600 };
        var theme = new Option<string?>("--theme") { Description = "Theme of the mission-control screen." };
        var replay = new Option<bool>("--replay") { Description = "Record the bundled real transcripts of Claude Code, Codex, Gemini and OpenCode instead of running a live team." };
        var command = new Command("demo", "Run a scripted team of workers in a scratch git repository and open mission control on them.")
        {
            directory, noScreen, simulate, pace, wait, theme, replay,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var openScreen = !result.GetValue(noScreen) && !Console.IsOutputRedirected && !Console.IsInputRedirected;
            if (result.GetValue(replay))
            {
                return Task.FromResult(new DemoHandler(context).Run(result.GetValue(directory), openScreen));
            }

            return new LiveDemoHandler(context, new ProcessRunner()).RunAsync(
                new LiveDemoRequest(result.GetValue(directory), openScreen, result.GetValue(simulate), Math.Max(0, result.GetValue(pace)),
                    TimeSpan.FromSeconds(Math.Max(1, result.GetValue(wait))), result.GetValue(theme)),
                cancellationToken);
        });
        return command;
    }
}
