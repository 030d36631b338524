using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;
using AgentDeck.Supervision;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>
/// Creates a run and hands it to a detached <c>agentdeck supervise</c> process (own session, output to the run's
/// supervisor.log), so the worker outlives this front end. Refuses at once when the agent CLI is not installed.
/// </summary>
public sealed class WorkerLauncher(WorkerServices services, IProcessRunner runner, IAgentDriverFactory drivers)
{
    public RunRecord Launch(NewRun run, Func<string, WorkerLaunch> launchFor, bool keepOpen)
    {
        var record = WorkerServices.Guard(() => services.Ledger.CreateRun(run));
        var launch = launchFor(record.Id);
        try
        {
            ProgramLookup.EnsureInstalled(drivers.Create(launch).Spec, Environment.GetEnvironmentVariable("PATH"));
        }
        catch (ProcessStartException error)
        {
            services.Ledger.UpdateRun(record.Id, new RunUpdate
            {
                Status = RunStatus.Failed,
                FailureReason = FailureReasons.Config,
                EndedAt = DateTimeOffset.UtcNow,
            });
            throw new CliException(error.Message);
        }

        var files = services.Files(record.Id);
        LaunchFile.Save(files, launch);
        List<string> arguments = ["supervise", record.Id];
        if (keepOpen)
        {
            arguments.Add("--keep-open");
        }

        var spec = SelfCommand.Build(arguments) with
        {
            WorkingDirectory = launch.WorkingDirectory,
            Grouping = ProcessGrouping.NewSession,
            Environment = new Dictionary<string, string?> { [Core.Storage.AgentDeckPaths.HomeVariable] = services.Paths.StateDirectory },
        };
        runner.StartDetached(spec, files.SupervisorLog, files.SupervisorLog);
        return record;
    }

    public static NewRun NewRunFor(AgentKind agent, string prompt, string cwd, string? role, string? model, string? profile) =>
        new(agent.ToName()) { Prompt = prompt, Cwd = cwd, Role = role, Model = model, Profile = profile, Status = RunStatus.Starting };
}
