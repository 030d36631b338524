using AgentDeck.Core.Processes;
using Microsoft.Win32.SafeHandles;

namespace AgentDeck.Processes.Tests;

/// <summary>
/// A worker started for handoff, its output kept in capture files by the kernel, its stdin pipe sent over a real Unix
/// socket with SCM_RIGHTS, and adopted on the other side — here both sides are this process, the way a front end and
/// the supervisor host are in production.
/// </summary>
public sealed class HandoffTests : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(300);
    private readonly ProcessRunner _runner = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("adhandoff-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string StatusFile => Path.Combine(_directory, "exit.status");

    private WorkerCapture Capture => new(
        Path.Combine(_directory, "capture.stdout"), Path.Combine(_directory, "capture.stderr"), StatusFile, Path.Combine(_directory, "waiter.pid"), null);

    [Fact]
    public async Task Given_a_worker_that_wrote_before_the_handoff_When_adopted_over_the_socket_Then_every_line_from_the_first_and_its_exit_code_arrive()
    {
        var worker = _runner.StartForHandoff(Sh("read p; echo \"got:$p\"; echo early; echo oops >&2; exit 3") with { Stdin = StdinMode.Pipe }, Capture, ["prompt"]);

        await using var adopted = await HandOverAsync(worker, []);

        Assert.Equal(["got:prompt", "early"], (await Proc.ReadAllAsync(adopted.StdoutLines)).Select(Proc.Text));
        Assert.Equal(["oops"], (await Proc.ReadAllAsync(adopted.StderrLines)).Select(Proc.Text));
        Assert.Equal(3, (await adopted.WaitForExitAsync().WaitAsync(Proc.Patience)).ExitCode);
        Assert.True(adopted.OwnsProcessGroup);
        Assert.Equal(worker.Pid, adopted.ProcessGroupId);
    }

    [Fact]
    public async Task Given_lines_the_starter_wrote_When_the_supervisor_writes_the_same_lines_first_Then_the_worker_reads_them_once_and_later_lines_normally()
    {
        var worker = _runner.StartForHandoff(Sh("read a; echo \"1:$a\"; read b; echo \"2:$b\"; read c; echo \"3:$c\"") with { Stdin = StdinMode.Pipe }, Capture, ["first"]);

        await using var adopted = await HandOverAsync(worker, ["first"]);
        await adopted.WriteStdinLineAsync("first");
        await adopted.WriteStdinLineAsync("second");
        await adopted.WriteStdinLineAsync("first");
        adopted.CloseStdin();

        Assert.Equal(["1:first", "2:second", "3:first"], (await Proc.ReadAllAsync(adopted.StdoutLines)).Select(Proc.Text));
        Assert.Equal(0, (await adopted.WaitForExitAsync().WaitAsync(Proc.Patience)).ExitCode);
    }

    [Fact]
    public async Task Given_an_adopted_worker_When_stopped_Then_the_waiter_outlives_the_interrupt_and_records_the_workers_own_exit()
    {
        var worker = _runner.StartForHandoff(Sh("trap 'echo interrupted; exit 42' INT; echo ready; while :; do sleep 0.05; done"), Capture, []);
        await using var adopted = await HandOverAsync(worker, []);
        await using var lines = adopted.StdoutLines.GetAsyncEnumerator();
        Assert.True(await lines.MoveNextAsync());

        var status = await ProcessStopper.StopAsync(adopted, Grace).WaitAsync(Proc.Patience);

        Assert.Equal(42, status.ExitCode);
        Assert.Empty(Proc.LiveMembersOf(worker.Pid));
    }

    [Fact]
    public async Task Given_an_adopted_worker_that_ignores_interrupt_and_terminate_When_stopped_Then_it_is_killed_and_reported_killed_by_signal_9()
    {
        var worker = _runner.StartForHandoff(Sh("trap '' INT TERM; echo ready; while :; do sleep 0.05; done"), Capture, []);
        await using var adopted = await HandOverAsync(worker, []);
        await using var lines = adopted.StdoutLines.GetAsyncEnumerator();
        Assert.True(await lines.MoveNextAsync());

        var status = await ProcessStopper.StopAsync(adopted, Grace).WaitAsync(Proc.Patience);

        Assert.Equal(9, status.Signal);
        Assert.Empty(Proc.LiveMembersOf(worker.Pid));
    }

    [Fact]
    public async Task Given_a_worker_that_started_a_process_in_a_session_of_its_own_When_stopped_Then_that_process_ends_too()
    {
        var escapee = $"{Random.Shared.Next(100, 999)}.{Environment.ProcessId}";
        var worker = _runner.StartForHandoff(Sh($"trap '' INT TERM; setsid sleep {escapee} & echo ready; wait"), Capture, []);
        await using var adopted = await HandOverAsync(worker, []);
        await using var lines = adopted.StdoutLines.GetAsyncEnumerator();
        Assert.True(await lines.MoveNextAsync());
        await Eventually(() => SleepingFor(escapee));

        await ProcessStopper.StopAsync(adopted, Grace).WaitAsync(Proc.Patience);

        await Eventually(() => !SleepingFor(escapee));
    }

    [Fact]
    public async Task Given_a_worker_killed_by_a_signal_from_outside_When_it_ends_Then_the_exit_code_says_which_signal()
    {
        var worker = _runner.StartForHandoff(Sh("echo ready; sleep 30"), Capture, []);
        await using var adopted = await HandOverAsync(worker, []);
        await using var lines = adopted.StdoutLines.GetAsyncEnumerator();
        Assert.True(await lines.MoveNextAsync());

        await adopted.SignalAsync(ProcessSignal.Terminate, wholeGroup: true);

        Assert.Equal(15, (await adopted.WaitForExitAsync().WaitAsync(Proc.Patience)).Signal);
    }

    [Fact]
    public async Task Given_a_worker_that_ended_before_the_handoff_When_adopted_Then_its_output_and_exit_code_are_still_there()
    {
        var worker = _runner.StartForHandoff(Sh("echo bye; exit 5"), Capture, []);
        await Eventually(() => File.Exists(StatusFile) && !Proc.IsAlive(worker.Pid));

        await using var adopted = await HandOverAsync(worker, []);

        Assert.Equal(["bye"], (await Proc.ReadAllAsync(adopted.StdoutLines)).Select(Proc.Text));
        Assert.Equal(5, (await adopted.WaitForExitAsync().WaitAsync(Proc.Patience)).ExitCode);
        Assert.True(adopted.HasExited);
    }

    [Fact]
    public async Task Given_a_starter_that_died_before_handing_its_worker_over_When_the_worker_is_adopted_from_its_capture_Then_its_first_input_and_every_line_arrive()
    {
        var worker = _runner.StartForHandoff(Sh("read p; echo \"got:$p\"; sleep 0.3; echo later; echo oops >&2; exit 4") with { Stdin = StdinMode.Pipe }, Capture, ["prompt"]);
        var pid = worker.Pid;
        worker.Dispose(); // the starter's end of stdin goes, as when a front end is killed: nothing was handed over
        await Eventually(() => CapturedWorker.FindWaiter(Capture) == pid);

        await using var adopted = new CapturedWorker(pid, () => CapturedWorker.FindWaiter(Capture) == pid, Capture, null, []);

        Assert.Equal(["got:prompt", "later"], (await Proc.ReadAllAsync(adopted.StdoutLines)).Select(Proc.Text));
        Assert.Equal(["oops"], (await Proc.ReadAllAsync(adopted.StderrLines)).Select(Proc.Text));
        Assert.Equal(4, (await adopted.WaitForExitAsync().WaitAsync(Proc.Patience)).ExitCode);
        Assert.Null(CapturedWorker.FindWaiter(Capture));
    }

    [Fact]
    public async Task Given_a_worker_tied_to_a_lifeline_When_its_holder_lets_go_Then_its_group_and_what_left_it_are_killed()
    {
        var lifeline = Path.Combine(_directory, "host.lock");
        var holder = new FileStream(lifeline, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        var escapee = $"{Random.Shared.Next(100, 999)}.{Environment.ProcessId}";
        using var worker = _runner.StartForHandoff(Sh($"setsid sleep {escapee} & sleep 60 & echo ready; wait"), Capture with { Lifeline = lifeline }, []);
        await Eventually(() => File.Exists(Capture.Stdout) && File.ReadAllText(Capture.Stdout) == "ready\n" && SleepingFor(escapee));
        await Task.Delay(800); // the watch has seen the lock held (its first look is 0.2 s after the start)
        Assert.NotEmpty(Proc.LiveMembersOf(worker.Pid));

        await holder.DisposeAsync();

        await Eventually(() => Proc.LiveMembersOf(worker.Pid).Count == 0 && !SleepingFor(escapee));
    }

    private static bool SleepingFor(string seconds) =>
        Directory.EnumerateDirectories("/proc").Any(directory =>
        {
            try
            {
                return File.ReadAllText(Path.Combine(directory, "cmdline")) == $"sleep\0{seconds}\0";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        });

    [Fact]
    public async Task Given_a_server_whose_answer_throws_When_a_request_comes_Then_the_failure_line_is_the_answer()
    {
        var socket = Path.Combine(_directory, "fail.sock");
        await using var server = DescriptorServer.Start(socket, (_, handles, _) =>
        {
            foreach (var handle in handles)
            {
                handle.Dispose();
            }

            throw new InvalidOperationException("refused");
        }, error => "failed: " + error.Message);

        using var worker = _runner.StartForHandoff(Sh("exit 0"), Capture, []);
        var answer = await DescriptorClient.SendAsync(socket, "hello", worker.Descriptors, Proc.Patience);

        Assert.Equal("failed: refused", answer);
    }

    /// <summary>Sends the worker's stdin pipe and the line over a socket; the server side adopts the worker.</summary>
    private async Task<CapturedWorker> HandOverAsync(HandoffProcess worker, IReadOnlyList<string> alreadyWritten)
    {
        var adopted = new TaskCompletionSource<CapturedWorker>(TaskCreationOptions.RunContinuationsAsynchronously);
        var socket = Path.Combine(_directory, "adopt.sock");
        await using (DescriptorServer.Start(socket, (line, handles, _) =>
        {
            Assert.Equal("adopt " + worker.Pid, line);
            adopted.SetResult(new CapturedWorker(worker.Pid, () => Proc.IsAlive(worker.Pid), Capture, handles.Count == 1 ? handles[0] : null, alreadyWritten));
            return Task.FromResult("ok");
        }, error => error.Message))
        {
            var answer = await DescriptorClient.SendAsync(socket, "adopt " + worker.Pid, worker.Descriptors, Proc.Patience);
            Assert.Equal("ok", answer);
        }

        // The starter lets go of its ends, as the front end does once the host answered.
        worker.Dispose();
        return await adopted.Task.WaitAsync(Proc.Patience);
    }

    private static ProcessSpec Sh(string script) => ProcessSpec.For("/bin/sh", "-c", script) with { Grouping = ProcessGrouping.NewSession };

    private static async Task Eventually(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Proc.Patience;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
