using AgentDeck.Cli.Common;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Commands.Wait;

/// <summary>Polls the ledger (and the supervisors' liveness) until the runs end, then prints their results as JSON lines.</summary>
public sealed class WaitHandler(CliContext context)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public async Task<int> RunAsync(IReadOnlyList<string> ids, bool any, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var services = WorkerServices.OpenForReading(context.Console);
        var runs = ids.Select(services.Resolve).DistinctBy(r => r.Id).ToList();
        var deadline = timeout is { } t ? DateTimeOffset.UtcNow + t : DateTimeOffset.MaxValue;
        while (true)
        {
            runs = runs.Select(services.Refresh).ToList();
            var ended = runs.Where(r => r.Status.IsFinal()).ToList();
            if (ended.Count == runs.Count || (any && ended.Count > 0))
            {
                ended.ForEach(r => context.Console.Out.WriteLine(RunJson.Write(r)));
                return ended.All(r => r.Status == RunStatus.Succeeded) ? ExitCodes.Ok : ExitCodes.Failure;
            }

            if (DateTimeOffset.UtcNow >= deadline)
            {
                runs.ForEach(r => context.Console.Out.WriteLine(RunJson.Write(r)));
                context.Console.Error.WriteLine($"agentdeck: timed out after {timeout!.Value.TotalSeconds:0.#}s with {runs.Count - ended.Count} run(s) still going");
                return ExitCodes.Timeout;
            }

            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }
}
