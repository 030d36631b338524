using System.CommandLine;
using AgentDeck.Cli.Hosting;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Commands.Export;

/// <summary><c>agentdeck export RUN --format md</c>.</summary>
public static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string>("RUN") { Description = "Run id or unique prefix." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "md" };
        format.AcceptOnlyFromAmong("md");
        var command = new Command("export", "Write a run as a report: prompt, route, timeline, tools, files, diff stat, tokens, cost, result.")
        {
            run, format,
        };
        command.SetAction((result, cancellationToken) => new ExportHandler(context, new ProcessRunner()).RunAsync(result.GetRequiredValue(run), cancellationToken));
        return command;
    }
}
