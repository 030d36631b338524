using System.CommandLine;
using AgentDeck.Agents.Drivers;
using AgentDeck.Cli.Hosting;
using AgentDeck.Processes;
using AgentDeck.Supervision;

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
        command.SetAction((_, cancellationToken) => ServeAsync(context, cancellationToken));
        return command;
    }

    /// <summary>
    /// The host without the command tree: a front end waits on a cold host's start, and building every verb's parser
    /// is time it does not need. <c>agentdeck supervisor-host</c> takes no options.
    /// </summary>
    public static async Task<int> RunAsync(CliConsole console)
    {
        await using var context = new CliContext(console);
        return await ServeAsync(context, CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task<int> ServeAsync(CliContext context, CancellationToken cancellationToken)
    {
        // One clock for the workers' pipe reads and the ledger commits: output is taken in bursts, once per tick.
        using var tick = new IngestTick(SupervisorHostHandler.IngestPeriod);
        return await new SupervisorHostHandler(context, new ProcessRunner(tick.NextAsync), RequestDrivers.For, tick)
            .RunAsync(cancellationToken).ConfigureAwait(false);
    }
}
