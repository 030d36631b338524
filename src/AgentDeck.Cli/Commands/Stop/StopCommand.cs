using System.CommandLine;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Commands.Steer;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Runs;
using AgentDeck.Supervision.Control;

namespace AgentDeck.Cli.Commands.Stop;

/// <summary><c>agentdeck stop RUN [--force]</c>: interrupt, SIGTERM, SIGKILL of the worker's whole process group.</summary>
public static class StopCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string>("RUN") { Description = "Run id or unique prefix." };
        var force = new Option<bool>("--force", "-f") { Description = "Kill the worker's process group at once." };
        var command = new Command("stop", "Stop a worker and everything it started.") { run, force };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var services = WorkerServices.Open(context.Console);
            var id = result.GetRequiredValue(run);
            try
            {
                var (record, _) = await RunControl.SendAsync(services, id, new ControlRequest(ControlRequest.Stop) { Force = result.GetValue(force) }, cancellationToken)
                    .ConfigureAwait(false);
                context.Console.Out.WriteLine($"stopped {record.Id}");
                return ExitCodes.Ok;
            }
            catch (CliException) when (services.Resolve(id) is var ended && StrayWorker.Kill(services, ended))
            {
                context.Console.Out.WriteLine($"stopped {ended.Id}: it was {ended.Status.ToName()}, and its processes were killed");
                return ExitCodes.Ok;
            }
        });
        return command;
    }
}
