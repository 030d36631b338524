using System.Text;
using AgentDeck.Agents;
using AgentDeck.Core;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Ledger;
using AgentDeck.Processes;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Tests.Support;

namespace AgentDeck.Supervision.Tests;

/// <summary>Real processes: /bin/sh plays the agent; the front end and the supervisor are the real agentdeck.</summary>
public sealed class RealProcessTests : IDisposable
{
    private readonly TempState _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Given_a_detached_worker_When_the_front_end_is_killed_with_SIGKILL_Then_the_supervisor_records_every_line_to_the_end()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "claude-02-tools.ndjson");
        var go = Path.Combine(_state.Directory, "go");
        var bin = Directory.CreateDirectory(Path.Combine(_state.Directory, "bin")).FullName;
        var fakeClaude = Path.Combine(bin, "claude");
        // Prints the first line, waits for the test's signal, prints the rest, then exits once stdin is closed.
        File.WriteAllText(fakeClaude, $"#!/bin/sh\nread first\nsed -n 1p '{fixture}'\nwhile [ ! -f '{go}' ]; do sleep 0.05; done\nsed -n '2,$p' '{fixture}'\ncat > /dev/null\n");
        File.SetUnixFileMode(fakeClaude, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var runner = new ProcessRunner();
        var frontEnd = runner.Start(ProcessSpec.For("dotnet", BuiltCli.Dll, "run", "--agent", "claude", "say hello") with
        {
            WorkingDirectory = _state.Directory,
            Grouping = ProcessGrouping.NewSession,
            Environment = new Dictionary<string, string?>
            {
                ["AGENTDECK_HOME"] = _state.Directory,
                ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH"),
                ["AGENTDECK_HOST_IDLE_SECONDS"] = "0.5",
            },
        });

        await Eventually.TrueAsync(() => RunWithOutput() is not null, "the worker printed its first line");
        var run = RunWithOutput()!;
        // The front end records the first line itself while the host starts: kill it only once the host took the worker.
        await Eventually.TrueAsync(
            () => SupervisorRecord.TryLoad(new RunFiles(_state.Paths, run.Id).Supervisor) is { } record && record.Pid != frontEnd.Pid,
            "the host adopted the worker");
        await frontEnd.SignalAsync(ProcessSignal.Kill, wholeGroup: true);
        Assert.Equal(137, (await frontEnd.WaitForExitAsync()).ExitCode);
        File.WriteAllText(go, "");

        var liveness = new RunLiveness(_state.Ledger, _state.Paths);
        await Eventually.TrueAsync(() => liveness.Check(_state.Ledger.FindRun(run.Id)!).Status.IsFinal(), "the run ended");
        var final = _state.Ledger.FindRun(run.Id)!;
        Assert.Equal(RunStatus.Succeeded, final.Status);

        var raw = File.ReadAllLines(_state.Paths.StdoutLog(run.Id));
        Assert.Equal(File.ReadAllLines(fixture), raw);
        var firstEventOfLine = _state.Ledger.ReadEvents(run.Id, 1, 10_000, includeRaw: true)
            .Where(e => e.Raw is not null).ToDictionary(e => e.LineNo, e => Encoding.UTF8.GetString(e.Raw!));
        Assert.Equal(Enumerable.Range(1, raw.Length).Select(i => raw[i - 1]), Enumerable.Range(1, raw.Length).Select(i => firstEventOfLine[i]));

        var supervisor = SupervisorRecord.TryLoad(new RunFiles(_state.Paths, run.Id).Supervisor)!;
        Assert.NotEqual(frontEnd.Pid, supervisor.Pid);
        await Eventually.TrueAsync(() => !supervisor.IsAlive && ProcessIdentity.StartTicks(supervisor.AgentPid!.Value) is null, "supervisor and agent gone");
    }

    [Fact]
    public async Task Given_a_worker_with_a_grandchild_When_stopped_Then_no_process_of_its_group_remains()
    {
        var run = _state.NewRun();
        var spec = ProcessSpec.For("/bin/sh", "-c", "sleep 300 & echo \"tool $!\"; echo turn; wait") with { Stdin = StdinMode.Pipe };
        var supervisor = new WorkerSupervisor(_state.Ledger, _state.Paths, new ProcessRunner(), new FakeDriver(spec), new WordParser(), run.Id,
            new SupervisorOptions { StopGrace = TimeSpan.FromMilliseconds(300) });

        var running = supervisor.RunAsync();
        await Eventually.TrueAsync(() => File.Exists(_state.Paths.StdoutLog(run.Id)) && File.ReadAllLines(_state.Paths.StdoutLog(run.Id)).Length == 2, "agent printed");
        var sleepPid = int.Parse(File.ReadAllLines(_state.Paths.StdoutLog(run.Id))[0]["tool ".Length..]);
        var agentPid = SupervisorRecord.TryLoad(new RunFiles(_state.Paths, run.Id).Supervisor)!.AgentPid!.Value;
        Assert.NotNull(ProcessIdentity.StartTicks(sleepPid));

        var reply = await ControlClient.SendAsync(supervisor.ControlSocket, new ControlRequest(ControlRequest.Stop));
        var final = await running;

        Assert.True(reply.Ok, reply.Error);
        Assert.Equal(RunStatus.Stopped, final.Status);
        await Eventually.TrueAsync(() => ProcessIdentity.StartTicks(sleepPid) is null && ProcessIdentity.StartTicks(agentPid) is null, "group gone, no zombie");
    }

    private RunRecord? RunWithOutput()
    {
        var run = _state.Ledger.ListRuns(new RunQuery()).FirstOrDefault();
        return run is not null && _state.Ledger.CountEvents(run.Id) > 0 ? run : null;
    }
}
