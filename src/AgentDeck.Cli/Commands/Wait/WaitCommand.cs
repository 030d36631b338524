using System.CommandLine;
using AgentDeck.Cli.Hosting;

namespace AgentDeck.Cli.Commands.Wait;

/// <summary><c>agentdeck wait RUN... [--any] [--timeout S]</c>.</summary>
public static class WaitCommand
{
    public static Command Create(CliContext context)
    {
        var runs = new Argument<string[]>("RUN") { Description = "Run ids or unique prefixes.", Arity = ArgumentArity.OneOrMore };
        var any = new Option<bool>("--any") { Description = "Return when the first run ends." };
        var timeout = new Option<double?>("--timeout") { Description = "Give up after this many seconds (exit 124)." };
        var command = new Command("wait", "Wait for runs to end; print each result as JSON (exit 0 all succeeded, 1 otherwise, 124 timeout).")
        {
            runs, any, timeout,
        };
        command.SetAction((result, cancellationToken) => new WaitHandler(context).RunAsync(
            result.GetRequiredValue(runs), result.GetValue(any), result.GetValue(timeout) is { } s ? TimeSpan.FromSeconds(s) : null, cancellationToken));
        return command;
    }
}
