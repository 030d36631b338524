using AgentDeck.Cli.Hosting;
using AgentDeck.Discovery.Config.Checking;

namespace AgentDeck.Cli.Config;

/// <summary>
/// Says what is wrong in the configuration files before a verb runs: every problem as one line on standard error
/// (file, line, column, problem, fix), and for a verb that must not run on bad config the first error as the verb's
/// own error, so nothing starts.
/// </summary>
public static class ConfigGate
{
    public static void Check(CliContext context, ConfigCheckMode mode)
    {
        if (mode == ConfigCheckMode.None)
        {
            return;
        }

        var problems = ConfigFilesCheck.Check(context.ConfigDirectory, context.Console.CurrentDirectory);
        var refused = mode == ConfigCheckMode.Refuse ? problems.FirstOrDefault(problem => problem.IsError) : null;
        foreach (var problem in problems.Where(problem => problem != refused))
        {
            context.Console.Error.WriteLine($"agentdeck: {problem}");
        }

        if (refused is not null)
        {
            throw new CliException($"{refused} (nothing was started)");
        }
    }
}
