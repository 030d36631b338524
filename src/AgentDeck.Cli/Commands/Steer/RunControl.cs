using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Control;

namespace AgentDeck.Cli.Commands.Steer;

/// <summary>Sends one control request to a live run's supervisor; a finished, lost or unknown run is a one-line error.</summary>
public static class RunControl
{
    public static async Task<(RunRecord Run, ControlReply Reply)> SendAsync(WorkerServices services, string idOrPrefix, ControlRequest request, CancellationToken cancellationToken)
    {
        var run = services.Resolve(idOrPrefix);
        if (run.Status.IsFinal())
        {
            throw new CliException($"run {run.Id} has already ended ({run.Status.ToName()}); continue its session with 'agentdeck resume {run.Id} MESSAGE'");
        }

        ControlReply reply;
        try
        {
            reply = await ControlClient.SendAsync(services.Files(run.Id).ControlSocket, request, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ControlUnavailableException or TimeoutException)
        {
            run = services.Refresh(run);
            throw run.Status switch
            {
                RunStatus.Lost => new CliException($"run {run.Id} is lost: its supervisor died; 'agentdeck ledger rebuild' recovers its events from the raw log"),
                var s when s.IsFinal() => new CliException($"run {run.Id} has already ended ({s.ToName()})"),
                _ => new CliException($"run {run.Id} does not answer yet ({run.Status.ToName()}): {e.Message}; try again in a moment"),
            };
        }

        return reply.Ok ? (run, reply) : throw new CliException($"run {run.Id}: {reply.Error}");
    }

    public static string Describe(ControlReply reply) =>
        reply.Phase is { } phase ? $"{reply.Status} ({phase})" : reply.Status ?? "ok";
}
