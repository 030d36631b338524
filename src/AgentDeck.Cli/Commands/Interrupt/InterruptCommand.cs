using System.CommandLine;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Commands.Steer;
using AgentDeck.Cli.Hosting;
using AgentDeck.Supervision.Control;

namespace AgentDeck.Cli.Commands.Interrupt;

/// <summary><c>agentdeck interrupt RUN</c>: ends the worker's current turn (protocol interrupt, else SIGINT).</summary>
public static class InterruptCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string>("RUN") { Description = "Run id or unique prefix." };
        var command = new Command("interrupt", "Interrupt a running worker's current turn.") { run };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var services = WorkerServices.Open(context.Console);
            var (record, reply) = await RunControl.SendAsync(services, result.GetRequiredValue(run),
                new ControlRequest(ControlRequest.Interrupt), cancellationToken).ConfigureAwait(false);
            context.Console.Out.WriteLine($"interrupted {record.Id}: {RunControl.Describe(reply)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
