using AgentDeck.Cli.Common;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Escalation;

namespace AgentDeck.Cli.Commands.Status;

/// <summary>Shows one run, or the latest runs; live runs are checked for a dead supervisor and asked for their phase.</summary>
public sealed class StatusHandler(CliContext context)
{
    private const int ListLimit = 20;

    public async Task<int> RunAsync(string? idOrPrefix, bool json, CancellationToken cancellationToken)
    {
        using var services = WorkerServices.OpenForReading(context.Console);
        var runs = idOrPrefix is null
            ? WorkerServices.Guard(() => services.Ledger.ListRuns(new RunQuery { Limit = ListLimit })).Select(services.Liveness.Check).ToList()
            : [services.Resolve(idOrPrefix)];
        var output = context.Console.Out;
        var shown = new List<(RunRecord Run, string? Phase)>();
        foreach (var run in runs)
        {
            shown.Add((run, await PhaseAsync(services, run, cancellationToken).ConfigureAwait(false)));
        }

        if (json)
        {
            output.WriteLine(idOrPrefix is null
                ? "[" + string.Join(",", shown.Select(s => RunJson.Write(s.Run, s.Phase, EscalationLinks.EscalatedTo(services.Ledger, s.Run)))) + "]"
                : RunJson.Write(shown[0].Run, shown[0].Phase, EscalationLinks.EscalatedTo(services.Ledger, shown[0].Run)));
        }
        else if (idOrPrefix is null)
        {
            shown.ForEach(s => output.WriteLine(RunText.Row(s.Run, s.Phase)));
            if (shown.Count == 0)
            {
                output.WriteLine("no runs yet: start one with 'agentdeck run --agent claude PROMPT'");
            }
        }
        else
        {
            RunText.Details(output, shown[0].Run, shown[0].Phase);
        }

        return ExitCodes.Ok;
    }

    public static async Task<string?> PhaseAsync(WorkerServices services, RunRecord run, CancellationToken cancellationToken)
    {
        if (run.Status is not (RunStatus.Running or RunStatus.Waiting))
        {
            return null;
        }

        try
        {
            var reply = await ControlClient.SendAsync(services.Files(run.Id).ControlSocket, new ControlRequest(ControlRequest.Ping),
                TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return reply.Phase;
        }
        catch (Exception e) when (e is ControlUnavailableException or TimeoutException)
        {
            return null;
        }
    }
}
