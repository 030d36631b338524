using System.CommandLine;
using System.CommandLine.Help;
using AgentDeck.Cli.Config;

namespace AgentDeck.Cli.Hosting;

/// <summary>Builds the <c>agentdeck</c> command tree and runs it with AgentDeck's error and exit-code rules.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var context = new CliContext(console);
        var root = CommandTree.Build(context);
        var parsed = Parse(root, args);
        if (parsed.Errors.Count > 0)
        {
            var verb = parsed.CommandResult.Command == root ? "agentdeck" : $"agentdeck {CommandPath(parsed.CommandResult.Command, root)}";
            console.Error.WriteLine($"agentdeck: {OneLine(parsed.Errors[0].Message)} (see '{verb} --help')");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };

        try
        {
            if (parsed.Action is not HelpAction && TopVerb(parsed.CommandResult.Command, root) is { } verb)
            {
                ConfigGate.Check(context, ConfigReadingVerbs.ModeFor(verb));
            }

            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (UserErrors.TryDescribe(error, out var message, out var exitCode))
        {
            console.Error.WriteLine($"agentdeck: {message}");
            return exitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Failure;
        }
        finally
        {
            await context.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Parses as every verb does. Response files are off: <c>@p.txt</c> would otherwise be replaced by the words of
    /// that file, so a prompt file could add options (<c>--write</c>) or fail to parse; a word starting with <c>@</c>
    /// is just a word.
    /// </summary>
    public static ParseResult Parse(RootCommand root, IReadOnlyList<string> args) => root.Parse(args, ParserSettings);

    private static readonly ParserConfiguration ParserSettings = new() { ResponseFileTokenReplacer = null };

    private static string? TopVerb(Command command, RootCommand root)
    {
        var path = new List<string>();
        return command != root && Find(root, command, path) ? path[0] : null;
    }

    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string CommandPath(Command command, RootCommand root)
    {
        var names = new List<string>();
        Find(root, command, names);
        return string.Join(' ', names);
    }

    private static bool Find(Command current, Command target, List<string> path)
    {
        foreach (var child in current.Subcommands)
        {
            path.Add(child.Name);
            if (child == target || Find(child, target, path))
            {
                return true;
            }

            path.RemoveAt(path.Count - 1);
        }

        return false;
    }
}
