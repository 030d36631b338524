using AgentDeck.Core.Processes;

namespace AgentDeck.Supervision.Hosting;

/// <summary>
/// The runner of an adopted worker's supervisor: its one start hands out the worker a front end started already (the
/// spec is the one that front end used); anything else goes to the real runner.
/// </summary>
public sealed class HandedOverRunner(IProcessRunner runner, IRunningProcess process) : IProcessRunner
{
    private IRunningProcess? _process = process ?? throw new ArgumentNullException(nameof(process));

    public Task<ProcessResult> RunAsync(ProcessSpec spec, string? stdinText, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        runner.RunAsync(spec, stdinText, timeout, cancellationToken);

    public IRunningProcess Start(ProcessSpec spec) =>
        Interlocked.Exchange(ref _process, null)
        ?? throw new InvalidOperationException($"the handed-over worker was started already; {spec.FileName} cannot be started twice for one run");

    public int StartDetached(ProcessSpec spec, string? stdoutPath = null, string? stderrPath = null) =>
        runner.StartDetached(spec, stdoutPath, stderrPath);
}
