using AgentDeck.Core.Processes;
using AgentDeck.Processes;
using AgentDeck.Supervision;

namespace AgentDeck.Cli.Commands.Supervise;

/// <summary>
/// The runner of a worker the host starts itself: started like a front end's cold spawn (its own session under the
/// waiter, output into the run's capture files, tied to the host's lock as its lifeline), so every worker keeps every
/// byte and dies with its host, however the host dies. Anything else goes to the real runner.
/// </summary>
public sealed class CapturingRunner(IProcessRunner runner, IProcessHandoff handoff, RunFiles files, string lifeline, Func<CancellationToken, Task>? readPace)
    : IProcessRunner
{
    public Task<ProcessResult> RunAsync(ProcessSpec spec, string? stdinText, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        runner.RunAsync(spec, stdinText, timeout, cancellationToken);

    public IRunningProcess Start(ProcessSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var capture = HostOrphans.Capture(files, lifeline);
        File.Delete(files.ExitStatus);
        File.Delete(files.WaiterPid);
        using var worker = handoff.StartForHandoff(spec, capture, []);
        return worker.SuperviseHere(capture, readPace);
    }

    public int StartDetached(ProcessSpec spec, string? stdoutPath = null, string? stderrPath = null) =>
        runner.StartDetached(spec, stdoutPath, stderrPath);
}
