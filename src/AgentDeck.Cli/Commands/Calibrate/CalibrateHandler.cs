using System.Globalization;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery;

namespace AgentDeck.Cli.Commands.Calibrate;

/// <summary>Groups finished runs by role, agent and model; a group is trusted once it has the configured minimum of runs.</summary>
public sealed class CalibrateHandler(CliContext context)
{
    public int Run(bool json)
    {
        var minRuns = context.Discover().Config.Policy.MinCalibrationRuns;
        var samples = RunHistory.Samples(context);
        var calibration = new Calibration(samples);
        var rows = calibration.Rows(minRuns);
        if (json)
        {
            context.Console.Out.WriteLine(DiscoveryJson.Serialize(rows));
            return ExitCodes.Ok;
        }

        if (rows.Count == 0)
        {
            context.Console.Out.WriteLine($"No finished runs with a role and a model yet; routing uses model traits until a role/model has {minRuns} runs.");
            return ExitCodes.Ok;
        }

        var table = rows.Select(r => new[]
        {
            r.Role, r.Agent.ToName(), r.Model, r.Stats.Runs.ToString(CultureInfo.InvariantCulture),
            r.Stats.SuccessRate.ToString("P0", CultureInfo.InvariantCulture), RunFormat.Cost(r.Stats.MeanCostUsd),
            RunFormat.Duration(TimeSpan.FromMilliseconds(r.Stats.MeanDurationMs)), r.Trusted ? "trusted" : $"< {minRuns} runs",
        }).Prepend(["ROLE", "AGENT", "MODEL", "RUNS", "SUCCESS", "MEAN COST", "MEAN TIME", "USED BY ROUTING"]).ToList();
        TextTable.Write(context.Console.Out, table);
        if (calibration.Discounted > 0)
        {
            context.Console.Out.WriteLine(
                $"{calibration.Discounted} run(s) ended succeeded with denied tool calls and are not counted as successes (see 'agentdeck runs').");
        }

        return ExitCodes.Ok;
    }
}
