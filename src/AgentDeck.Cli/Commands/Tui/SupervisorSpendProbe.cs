using AgentDeck.Core.Storage;
using AgentDeck.Supervision;
using AgentDeck.Supervision.Control;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Source;

namespace AgentDeck.Cli.Commands.Tui;

/// <summary>
/// Pings each live worker's supervisor once per <see cref="Interval"/> on a background task and keeps what its cost
/// guard counts (reported cost, the turn in flight, the run budget it enforces). The screen reads the last answers
/// and never waits on a socket; a supervisor that does not answer just has no entry.
/// </summary>
public sealed class SupervisorSpendProbe(AgentDeckPaths paths) : ILiveSpendProbe, IDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PingTimeout = TimeSpan.FromMilliseconds(500);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private IReadOnlyCollection<string> _wanted = [];
    private IReadOnlyDictionary<string, WorkerSpend> _latest = new Dictionary<string, WorkerSpend>();
    private Task? _loop;

    public IReadOnlyDictionary<string, WorkerSpend> Latest(IReadOnlyCollection<string> liveRunIds)
    {
        lock (_gate)
        {
            _wanted = liveRunIds;
            if (_loop is null && liveRunIds.Count > 0)
            {
                _loop = Task.Run(() => LoopAsync(_stop.Token));
            }

            return _latest;
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop?.Wait(PingTimeout * 2);
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            IReadOnlyCollection<string> wanted;
            lock (_gate)
            {
                wanted = _wanted;
            }

            var answers = new Dictionary<string, WorkerSpend>(StringComparer.Ordinal);
            foreach (var runId in wanted)
            {
                if (await PingAsync(runId, cancellationToken).ConfigureAwait(false) is { } spend)
                {
                    answers[runId] = spend;
                }
            }

            lock (_gate)
            {
                if (!Same(answers, _latest))
                {
                    _latest = answers;
                }
            }

            try
            {
                await Task.Delay(Interval, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<WorkerSpend?> PingAsync(string runId, CancellationToken cancellationToken)
    {
        try
        {
            var reply = await ControlClient.SendAsync(new RunFiles(paths, runId).ControlSocket, new ControlRequest(ControlRequest.Ping),
                PingTimeout, cancellationToken).ConfigureAwait(false);
            return reply.Ok ? new WorkerSpend(reply.CostUsd, reply.InFlightUsd, reply.RunBudgetUsd) : null;
        }
        catch (Exception e) when (e is ControlUnavailableException or TimeoutException or OperationCanceledException or IOException)
        {
            return null;
        }
    }

    private static bool Same(Dictionary<string, WorkerSpend> answers, IReadOnlyDictionary<string, WorkerSpend> latest) =>
        answers.Count == latest.Count && answers.All(a => latest.TryGetValue(a.Key, out var known) && known == a.Value);
}
