using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Calibrate;

/// <summary><c>agentdeck calibrate [--json]</c>: success rate, cost and duration per role and model, from the ledger.</summary>
public static class CalibrateCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print calibration rows as JSON." };
        var command = new Command("calibrate", "Show what the ledger has learned per role and model (used by routing once trusted).") { json };
        command.SetAction(result => new CalibrateHandler(context).Run(result.GetValue(json)));
        return command;
    }
}
