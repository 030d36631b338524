using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Events;

/// <summary><c>agentdeck events RUN [--follow] [--json]</c>: a run's events in order, optionally following a live run.</summary>
public static class EventsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print each event as a JSON object (one per line)." };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep printing new events until the run ends (Ctrl+C stops)." };
        var raw = new Option<bool>("--raw") { Description = "With --json, include the verbatim output line each event came from." };
        var run = new Argument<string>("RUN") { Description = "A run id or a unique prefix of one." };
        var command = new Command("events", "Print a run's events.") { json, follow, raw, run };
        command.SetAction((result, cancel) => new EventsHandler(context, TimeSpan.FromMilliseconds(200)).RunAsync(
            result.GetRequiredValue(run), result.GetValue(json), result.GetValue(follow), result.GetValue(raw), cancel));
        return command;
    }
}
