using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>Starts a detached supervised worker, then prints its id (--detach) or follows it to its end.</summary>
public sealed class RunHandler(CliContext context, IProcessRunner runner, IAgentDriverFactory drivers)
{
    public async Task<int> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        if (request.Model is not null && request.Profile is not null)
        {
            throw CliException.Usage("give either --model or --profile, not both");
        }

        var planner = new LaunchPlanner(context);
        var role = planner.Role(request.Role)?.Name;
        var choice = new LaunchRouter(context, planner).Choose(request.Agent, role, request.Model, request.Profile);
        planner.Profile(choice.Agent, choice.Profile, choice.Model);
        var cwd = Path.GetFullPath(request.Cwd ?? context.Console.CurrentDirectory, context.Console.CurrentDirectory);
        if (!Directory.Exists(cwd))
        {
            throw CliException.Usage($"--cwd {cwd} does not exist: give an existing directory");
        }

        using var services = WorkerServices.Open(context.Console);
        var run = new WorkerLauncher(services, runner, drivers).Launch(
            WorkerLauncher.NewRunFor(choice.Agent, request.Prompt, cwd, role, choice.RecordedModel, choice.Profile) with { Route = choice.Route },
            id => planner.Plan(id, choice.Agent, request.Prompt, cwd, role, choice.Model, choice.Profile, request.Write),
            request.KeepOpen);
        return await Finish(context, services, run, request.Detach, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Prints the id and returns (detached), or follows the run and exits with its outcome.</summary>
    public static async Task<int> Finish(CliContext context, WorkerServices services, RunRecord run, bool detach, CancellationToken cancellationToken)
    {
        var output = context.Console.Out;
        if (detach)
        {
            output.WriteLine(run.Id);
            return ExitCodes.Ok;
        }

        output.WriteLine($"run {run.Id} ({run.Agent}); Ctrl-C leaves it running, 'agentdeck status {run.Id}' shows it");
        if (run.Route is { } route)
        {
            output.WriteLine($"route {run.Role} → {route}: {route.Reason}");
        }

        var final = await new RunFollower(services, output).FollowAsync(run, cancellationToken).ConfigureAwait(false);
        if (final.Status != RunStatus.Succeeded)
        {
            var stderr = services.Paths.StderrLog(run.Id);
            if (File.Exists(stderr) && File.ReadLines(stderr).TakeLast(5).ToList() is { Count: > 0 } tail)
            {
                context.Console.Error.WriteLine($"agentdeck: run {run.Id} {final.Status.ToName()}; last stderr lines ({stderr}):");
                tail.ForEach(context.Console.Error.WriteLine);
            }
        }

        return final.Status == RunStatus.Succeeded ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
