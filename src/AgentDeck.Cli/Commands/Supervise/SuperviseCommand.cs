using System.CommandLine;
using AgentDeck.Agents.Drivers;
using AgentDeck.Cli.Hosting;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Commands.Supervise;

/// <summary>Hidden <c>agentdeck supervise RUN</c>: the detached process that runs one worker (started by <c>run</c>).</summary>
public static class SuperviseCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string>("RUN") { Description = "The run to supervise (its launch.json must exist)." };
        var keepOpen = new Option<bool>("--keep-open") { Description = "Keep the session open after the turn." };
        var command = new Command("supervise", "Supervise one worker in this process (used by 'agentdeck run').") { run, keepOpen };
        command.Hidden = true;
        command.SetAction((result, cancellationToken) => new SuperviseHandler(context, new ProcessRunner(), new AgentDriverFactory())
            .RunAsync(result.GetRequiredValue(run), result.GetValue(keepOpen), cancellationToken));
        return command;
    }
}
