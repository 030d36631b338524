using System.CommandLine;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Events;
using AgentDeck.Supervision.Control;

namespace AgentDeck.Cli.Commands.Steer;

/// <summary><c>agentdeck steer RUN MESSAGE</c>: sends a message into a running worker's turn.</summary>
public static class SteerCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string>("RUN") { Description = "Run id or unique prefix." };
        var message = new Argument<string>("MESSAGE") { Description = "What to tell the worker." };
        var command = new Command("steer", "Send a message to a running worker.") { run, message };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var services = WorkerServices.Open(context.Console);
            var (record, reply) = await RunControl.SendAsync(services, result.GetRequiredValue(run),
                new ControlRequest(ControlRequest.Steer) { Message = result.GetRequiredValue(message), From = SteerSenders.Cli }, cancellationToken).ConfigureAwait(false);
            context.Console.Out.WriteLine($"steered {record.Id}: {RunControl.Describe(reply)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
