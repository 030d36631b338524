using AgentDeck.Core.Processes;
using AgentDeck.Processes;

namespace AgentDeck.Benchmarks;

/// <summary>
/// The real runner without its handoff side, so the launcher takes the path it took before cold spawns were handed
/// over: start the host, wait for it, and let it start the worker. The benchmark's "before" beside the "after".
/// </summary>
public sealed class HostStartsWorkerRunner : IProcessRunner
{
    private readonly ProcessRunner _runner = new();

    public Task<ProcessResult> RunAsync(ProcessSpec spec, string? stdinText, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(spec, stdinText, timeout, cancellationToken);

    public IRunningProcess Start(ProcessSpec spec) => _runner.Start(spec);

    public int StartDetached(ProcessSpec spec, string? stdoutPath = null, string? stderrPath = null) => _runner.StartDetached(spec, stdoutPath, stderrPath);
}
