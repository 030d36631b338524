using System.CommandLine;
using AgentDeck.Agents.Drivers;
using AgentDeck.Cli.Hosting;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Commands.BenchModel;

/// <summary><c>agentdeck bench-model --profile P [--yes] [--tasks FILE]</c>: a small fixed task set through a profile, for calibration.</summary>
public static class BenchModelCommand
{
    public static Command Create(CliContext context)
    {
        var profile = new Option<string>("--profile") { Description = "The profile to measure (see 'agentdeck profiles').", Required = true };
        var yes = new Option<bool>("--yes") { Description = "Really run the tasks (they spend tokens); without it the plan and its expected cost are shown." };
        var tasks = new Option<string?>("--tasks") { Description = "A task file of your own instead of the built-in set (same format as Data/bench-tasks.yaml)." };
        var command = new Command("bench-model", "Run a small fixed task set through a profile and record success, time, tokens and cost for calibration.")
        {
            profile, yes, tasks,
        };
        command.SetAction((result, cancellationToken) => new BenchModelHandler(context, new ProcessRunner(), new AgentDriverFactory())
            .RunAsync(result.GetRequiredValue(profile), result.GetValue(yes), result.GetValue(tasks), cancellationToken));
        return command;
    }
}
