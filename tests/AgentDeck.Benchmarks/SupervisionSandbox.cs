using System.Globalization;
using AgentDeck.Agents.Drivers;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Commands.Supervise;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;
using AgentDeck.Ledger;
using AgentDeck.Processes;
using AgentDeck.Supervision;
using AgentDeck.Supervision.Hosting;

namespace AgentDeck.Benchmarks;

/// <summary>
/// A private state folder with the fake streaming <c>claude</c> first on PATH, and the real launch path into it:
/// <see cref="WorkerLauncher.Launch"/> exactly as <c>agentdeck run --detach</c> calls it (the launcher reads this
/// process's environment, which is why the variables are set on the process).
/// </summary>
public sealed class SupervisionSandbox : IDisposable
{
    private readonly WorkerServices _services;
    private readonly WorkerLauncher _launcher;
    private SqliteRunLedger? _watcher;

    /// <param name="runner">The launcher's runner; the real one by default.</param>
    public SupervisionSandbox(double hostIdleSeconds, IProcessRunner? runner = null)
    {
        Root = Path.Combine("/tmp", "adbench-" + Guid.NewGuid().ToString("N")[..8]);
        var bin = Path.Combine(Root, "bin");
        AgentPath = FakeStreamingAgent.Install(bin);
        // The default cost guard runs 4 workers at once and queues the rest; the benchmark needs all 16 live.
        var config = Directory.CreateDirectory(Path.Combine(Root, ".config", "agentdeck")).FullName;
        File.WriteAllText(Path.Combine(config, "config.toml"), "[limits]\nmax_concurrency = 64\n");
        Environment.SetEnvironmentVariable("AGENTDECK_HOME", Path.Combine(Root, "state"));
        Environment.SetEnvironmentVariable("HOME", Root);
        Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", null);
        Environment.SetEnvironmentVariable("XDG_STATE_HOME", null);
        Environment.SetEnvironmentVariable("PATH", bin + ":" + Environment.GetEnvironmentVariable("PATH"));
        Environment.SetEnvironmentVariable(SupervisorHostHandler.IdleVariable, hostIdleSeconds.ToString(CultureInfo.InvariantCulture));
        _services = WorkerServices.Open(CliConsole.FromProcess());
        _launcher = new WorkerLauncher(_services, runner ?? new ProcessRunner(), new AgentDriverFactory());
    }

    public string Root { get; }

    public string AgentPath { get; }

    public IRunLedger Ledger => _services.Ledger;

    /// <summary>
    /// A second connection to the ledger, as another front end (the TUI, <c>agentdeck show</c>) has: safe to read while
    /// a <see cref="Launch(string, bool, Action{string}?)"/> on another thread writes through <see cref="Ledger"/>.
    /// </summary>
    public IRunLedger Watcher => _watcher ??= SqliteRunLedger.Open(_services.Paths);

    /// <summary>Starts a worker whose fake agent streams at <paramref name="rate"/> lines/s for <paramref name="seconds"/>.</summary>
    public RunRecord Launch(int rate, double seconds, bool keepOpen = false) => Launch(FakeStreamingAgent.Prompt(rate, seconds), keepOpen);

    /// <summary>Starts a worker with the fake agent's prompt as given.</summary>
    /// <param name="created">Told the run's id as soon as the run exists (before the launch returns).</param>
    public RunRecord Launch(string prompt, bool keepOpen = false, Action<string>? created = null)
    {
        return _launcher.Launch(
            WorkerLauncher.NewRunFor(AgentKind.Claude, prompt, Root, null, null, null),
            id =>
            {
                created?.Invoke(id);
                return new WorkerLaunch(id, AgentKind.Claude, prompt, Root);
            },
            keepOpen);
    }

    /// <summary>The pid of the process supervising the run (the supervisor host), from its supervisor.json.</summary>
    public int SupervisorPid(string runId) =>
        SupervisorRecord.TryLoad(_services.Files(runId).Supervisor)?.Pid ?? throw new InvalidOperationException($"run {runId} has no supervisor record yet");

    /// <summary>The pid of the run's worker (its waiter, which leads the worker's group), from its supervisor.json.</summary>
    public int AgentPid(string runId) =>
        SupervisorRecord.TryLoad(_services.Files(runId).Supervisor)?.AgentPid ?? throw new InvalidOperationException($"run {runId} has no worker pid yet");

    public RunStatus Status(string runId) => _services.Ledger.FindRun(runId)!.Status;

    /// <summary>Waits until every run is running at once; throws when one ended or queued for a minute instead.</summary>
    public void WaitUntilAllRunning(IReadOnlyList<string> runIds)
    {
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (runIds.Any(id => Status(id) != RunStatus.Running))
        {
            if (DateTime.UtcNow > deadline || runIds.Any(id => Status(id).IsFinal()))
            {
                throw new InvalidOperationException("not every worker was running at once: " + string.Join(", ", runIds.Select(id => Status(id).ToName())));
            }

            Thread.Sleep(20);
        }
    }

    public void WaitUntilEnded(IEnumerable<string> runIds)
    {
        foreach (var id in runIds)
        {
            while (!Status(id).IsFinal())
            {
                Thread.Sleep(50);
            }
        }
    }

    /// <summary>Waits until no supervisor host holds this state folder (it ends once idle past its grace).</summary>
    public void WaitUntilNoHost()
    {
        var files = new HostFiles(_services.Paths);
        while (true)
        {
            using (var free = FileLock.TryAcquire(files.HostLock))
            {
                if (free is not null)
                {
                    return;
                }
            }

            Thread.Sleep(20);
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _services.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
