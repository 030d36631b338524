using System.Globalization;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Routing;
using AgentDeck.Core.Workers;
using AgentDeck.Discovery.Bench;

namespace AgentDeck.Cli.Commands.BenchModel;

/// <summary>
/// Shows what the bench will run and what it is expected to cost; with <c>--yes</c> runs it through the real worker
/// path and prints a result table. Exit 0 when every task ran (even if some failed their checks), 2 without
/// <c>--yes</c> or on a usage error, 1 when the profile could not run at all.
/// </summary>
public sealed class BenchModelHandler(CliContext context, IProcessRunner runner, IAgentDriverFactory drivers)
{
    public async Task<int> RunAsync(string profileName, bool yes, string? tasksFile, CancellationToken cancellationToken)
    {
        var discovery = context.Discover();
        var profile = discovery.Profiles.Find(profileName.Trim());
        if (profile is null)
        {
            var known = discovery.Profiles.Profiles.Select(p => p.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            throw CliException.Usage(known.Count == 0
                ? $"unknown profile '{profileName}': no profiles were found; define one in ~/.config/agentdeck/config.toml or list them with 'agentdeck profiles'"
                : $"unknown profile '{profileName}': use one of {string.Join(", ", known)}");
        }

        var set = LoadTasks(tasksFile);
        var planner = new LaunchPlanner(context);
        set.Tasks.ToList().ForEach(task => planner.Role(task.Role));
        var target = new BenchTarget(profile.Name, profile.Agent, profile.Model);
        var output = context.Console.Out;
        BenchReport.WritePlan(output, target, set, context.Prices.Price(profile.Model, set.EstimatePerTask));
        if (!yes)
        {
            context.Console.Error.WriteLine($"agentdeck: bench-model starts {set.Tasks.Count} real agent run(s) that spend tokens; run it again with --yes to start");
            return ExitCodes.Usage;
        }

        using var services = WorkerServices.Open(context.Console);
        var stamp = DateTimeOffset.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var repos = new BenchScratchRepos(runner, Path.Combine(services.Paths.StateDirectory, "bench", $"{stamp}-{SafeName(profile.Name)}"));
        var session = new BenchSession(services.Ledger, new SupervisedBenchWorkers(services, runner, drivers), repos,
            (task, cwd, id) => Launch(planner, target, task, cwd, id));
        IReadOnlyList<BenchOutcome> outcomes;
        try
        {
            outcomes = await session.RunAsync(target, set, outcome => BenchReport.WriteResult(output, outcome), cancellationToken).ConfigureAwait(false);
        }
        catch (CliException error)
        {
            context.Console.Error.WriteLine($"agentdeck: profile {profile.Name} could not run: {error.Message}");
            return ExitCodes.Failure;
        }

        BenchReport.WriteResults(output, outcomes, repos.Root);
        if (BenchReport.CouldNotRun(outcomes))
        {
            context.Console.Error.WriteLine($"agentdeck: profile {profile.Name} could not run: every task failed before doing any work ({outcomes[0].Run.FailureReason}); see 'agentdeck show {outcomes[0].Run.Id}'");
            return ExitCodes.Failure;
        }

        return ExitCodes.Ok;
    }

    /// <summary>The profile alone is measured: no fallback, so a failure stays this profile's failure.</summary>
    private static WorkerLaunch Launch(LaunchPlanner planner, BenchTarget target, BenchTask task, string cwd, string runId) =>
        planner.Plan(runId, target.Agent, task.Prompt, cwd, task.Role, null, target.Profile, task.Permission == RolePermission.Write) with { Fallback = null };

    private BenchTaskSet LoadTasks(string? tasksFile)
    {
        try
        {
            return tasksFile is null
                ? BenchTaskCatalog.BuiltIn()
                : BenchTaskCatalog.LoadFile(Path.GetFullPath(tasksFile, context.Console.CurrentDirectory));
        }
        catch (BenchTaskFileException error)
        {
            throw CliException.Usage($"bench task file: {error.Message}");
        }
    }

    private static string SafeName(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
}
