using System.Collections;
using AgentDeck.Agents;
using AgentDeck.Cli.Commands.Supervise;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Core.Workers;
using AgentDeck.Processes;
using AgentDeck.Supervision;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Hosting;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>
/// Creates a run and hands it to the state folder's supervisor host (started detached, in its own session, when none
/// serves), so the worker outlives this front end. Refuses at once when the agent CLI is not installed.
/// </summary>
public sealed class WorkerLauncher(
    WorkerServices services, IProcessRunner runner, IAgentDriverFactory drivers, IReadOnlyDictionary<string, string>? environment = null)
{
    // Workstation, non-concurrent GC with a small gen0 budget: the host's heap is small and it has no UI to keep smooth.
    private static readonly IReadOnlyDictionary<string, string?> HostRuntimeSettings = new Dictionary<string, string?>
    {
        ["DOTNET_gcServer"] = "0",
        ["DOTNET_gcConcurrent"] = "0",
        ["DOTNET_GCgen0size"] = "0x400000",

        // Thread-pool workers spin (sched_yield) before sleeping; with dozens of idle workers waking now and then, the
        // spinning was most of the host's idle CPU (strace: ~3,500 sched_yield/s for 50 idle workers).
        ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
    };

    public RunRecord Launch(NewRun run, Func<string, WorkerLaunch> launchFor, bool keepOpen)
    {
        var record = WorkerServices.Guard(() => services.Ledger.CreateRun(run));
        // Until a supervisor takes the run, this front end answers for it: if it dies first, the run reads lost at once.
        var files = services.Files(record.Id);
        files.EnsurePrivateDirectory();
        SupervisorRecord.ForCurrentProcess(DateTimeOffset.UtcNow).Save(files.Supervisor);
        var launch = launchFor(record.Id);
        try
        {
            ProgramLookup.EnsureInstalled(drivers.Create(launch).Spec, environment is null ? Environment.GetEnvironmentVariable("PATH") : environment.GetValueOrDefault("PATH"));
        }
        catch (ProcessStartException error)
        {
            Fail(record.Id);
            throw new CliException(error.Message);
        }

        LaunchFile.Save(files, launch);
        var start = new ControlRequest(ControlRequest.Start) { Run = record.Id, KeepOpen = keepOpen, Environment = FrontEndEnvironment() };
        var hosts = new HostClient(new HostFiles(services.Paths), StartHost);
        ControlReply reply;
        try
        {
            // With no host serving, the worker starts here at once and the host, started alongside, adopts it: the
            // host's own start (a .NET process) stays off the path to the agent's first line.
            reply = runner is IProcessHandoff handoff
                ? AskServingHost(start) ?? new ColdSpawn(services, handoff, hosts).HandOver(start, drivers.Create(launch), () => ParserFor(launch, record.Id), () => ParserWarmUp.Run(launch.Agent))
                : hosts.SendAsync(start).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is ControlUnavailableException or TimeoutException)
        {
            reply = ControlReply.Failure(error.Message);
        }

        if (!reply.Ok)
        {
            Fail(record.Id);
            throw new CliException($"run {record.Id} could not start: {reply.Error}");
        }

        return record;
    }

    /// <summary>The serving host's answer to the start request, or null when none serves (a cold spawn, then).</summary>
    private ControlReply? AskServingHost(ControlRequest start)
    {
        try
        {
            var reply = ControlClient.SendAsync(new HostFiles(services.Paths).ControlSocket, start).GetAwaiter().GetResult();
            return reply.Error == SupervisorHost.ClosingError ? null : reply;
        }
        catch (ControlUnavailableException)
        {
            return null;
        }
    }

    /// <summary>The run's parser exactly as its supervisor makes it (a resumed session's totals as the baseline).</summary>
    private IAgentStreamParser ParserFor(WorkerLaunch launch, string runId) =>
        AgentParsers.Create(launch.Agent, SessionBaselines.Find(services.Ledger, launch.ResumeSessionId, runId));

    public static NewRun NewRunFor(AgentKind agent, string prompt, string cwd, string? role, string? model, string? profile) =>
        new(agent.ToName()) { Prompt = prompt, Cwd = cwd, Role = role, Model = model, Profile = profile, Status = RunStatus.Starting };

    /// <summary>The detached supervisor host for this state folder; its stdout and stderr go to <c>host/host.log</c>.</summary>
    private int StartHost()
    {
        var files = new HostFiles(services.Paths);
        files.EnsurePrivateDirectory();
        OwnerOnly.CreateFile(files.Log);
        var environment = new Dictionary<string, string?>(HostRuntimeSettings) { [AgentDeckPaths.HomeVariable] = services.Paths.StateDirectory };
        var spec = SelfCommand.Build([SupervisorHostCommand.Name]) with
        {
            WorkingDirectory = services.Paths.StateDirectory,
            Grouping = ProcessGrouping.NewSession,
            Environment = environment,
        };
        return runner.StartDetached(spec, files.Log, files.Log);
    }

    /// <summary>
    /// What the worker's agent gets: this front end's environment (or the one given, e.g. the failed run's own when the
    /// host escalates it), with the state folder made explicit.
    /// </summary>
    private Dictionary<string, string> FrontEndEnvironment()
    {
        if (environment is not null)
        {
            return new Dictionary<string, string>(environment, StringComparer.Ordinal) { [AgentDeckPaths.HomeVariable] = services.Paths.StateDirectory };
        }

        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry is { Key: string name, Value: string value })
            {
                variables[name] = value;
            }
        }

        variables[AgentDeckPaths.HomeVariable] = services.Paths.StateDirectory;
        return variables;
    }

    private void Fail(string runId)
    {
        services.Ledger.UpdateRun(runId, new RunUpdate
        {
            Status = RunStatus.Failed,
            FailureReason = FailureReasons.Config,
            EndedAt = DateTimeOffset.UtcNow,
        });
    }
}
