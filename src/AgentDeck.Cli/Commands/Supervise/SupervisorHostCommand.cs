using System.CommandLine;
using AgentDeck.Agents.Drivers;
using AgentDeck.Cli.Hosting;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Commands.Supervise;

/// <summary>
/// Hidden <c>agentdeck supervisor-host</c>: the detached process, one per state folder, that supervises every worker
/// (started on demand by <c>run</c>, <c>resume</c> and the TUI through <see cref="Run.WorkerLauncher"/>).
/// </summary>
public static class SupervisorHostCommand
{
    public const string Name = "supervisor-host";

    public static Command Create(CliContext context)
    {
        var command = new Command(Name, "Supervise every worker of this state folder in one process (started by 'agentdeck run').")
        {
            Hidden = true,
        };
        command.SetAction((_, cancellationToken) =>
            new SupervisorHostHandler(context, new ProcessRunner(), RequestDrivers.For).RunAsync(cancellationToken));
        return command;
    }
}
