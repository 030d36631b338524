using AgentDeck.Agents.Drivers;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Commands.SimulateAgent;
using AgentDeck.Cli.Commands.Tui;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Tui.Control;

namespace AgentDeck.Cli.Commands.Demo.Live;

/// <summary>
/// The live demo: a scratch git repository and ledger, the team of demo-team.yaml spawned through the same path as
/// <c>agentdeck run --detach</c> (planner → launcher → detached supervisor → the agent's driver), then the mission
/// control screen on them, or, without a terminal, a wait for the team and the table of its runs.
/// </summary>
public sealed class LiveDemoHandler(CliContext context, IProcessRunner runner)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(300);

    public async Task<int> RunAsync(LiveDemoRequest request, CancellationToken cancellationToken)
    {
        var output = context.Console.Out;
        var team = DemoTeam.Load();
        var root = request.Directory is { } chosen ? Path.GetFullPath(chosen, context.Console.CurrentDirectory) : null;
        var workspace = await DemoWorkspace.CreateAsync(root, team, runner, cancellationToken).ConfigureAwait(false);
        await using var agents = await DemoAgents.PrepareAsync(workspace, request.SimulateAll, request.PaceMs,
            Environment.GetEnvironmentVariable("PATH"), cancellationToken).ConfigureAwait(false);
        agents.Apply();

        var demo = DemoContext(workspace, agents);
        output.WriteLine($"AgentDeck demo in {workspace.Root}");
        output.WriteLine($"  repository  {workspace.Repo}");
        output.WriteLine($"  ledger      {workspace.State}");
        foreach (var line in agents.Describe())
        {
            output.WriteLine(line);
        }

        var runIds = await SpawnTeamAsync(demo, team, workspace, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"Started {runIds.Count} workers: {string.Join(", ", team.Workers.Select(w => $"{w.Agent} {w.Role}{(w.Write ? " (write)" : "")}"))}.");
        output.Flush();

        if (request.OpenScreen)
        {
            new TuiHandler(demo).Run(request.Theme, showAll: false, readOnly: false);
        }
        else
        {
            await WaitForTeamAsync(demo, runIds, request.WaitLimit, cancellationToken).ConfigureAwait(false);
        }

        var runs = await ReportAsync(demo, workspace, cancellationToken).ConfigureAwait(false);
        var running = runs.Count(r => !r.Status.IsFinal());
        if (running > 0 && agents.UsesMock)
        {
            output.WriteLine($"Waiting for {running} worker(s) that use this demo's mock model server (Ctrl+C leaves them to fail)...");
            output.Flush();
            await WaitForTeamAsync(demo, runs.Select(r => r.Id).ToList(), request.WaitLimit, cancellationToken).ConfigureAwait(false);
        }
        else if (running > 0)
        {
            output.WriteLine($"{running} worker(s) still running; they keep going without the screen.");
        }

        output.WriteLine($"Reopen mission control on this demo: cd {workspace.Repo} && AGENTDECK_HOME={workspace.State} agentdeck");
        return request.OpenScreen || runs.All(r => r.Status == RunStatus.Succeeded) ? ExitCodes.Ok : ExitCodes.Failure;
    }

    private CliContext DemoContext(DemoWorkspace workspace, DemoAgents agents)
    {
        var environment = new Dictionary<string, string>(context.Console.Environment)
        {
            [Core.Storage.AgentDeckPaths.HomeVariable] = workspace.State,
        };
        foreach (var (name, value) in agents.Environment)
        {
            environment[name] = value;
        }

        var console = context.Console;
        return new CliContext(new CliConsole(console.Out, console.Error, console.OpenInput, environment, workspace.Repo))
        {
            StandIns = agents.Simulated.Where(pair => pair.Value).ToDictionary(pair => pair.Key, pair => SimulationSettings.DefaultModel(pair.Key)),
        };
    }

    private async Task<List<string>> SpawnTeamAsync(CliContext demo, DemoTeam team, DemoWorkspace workspace, CancellationToken cancellationToken)
    {
        var control = new SupervisorWorkerControl(demo, runner, new AgentDriverFactory());
        var ids = new List<string>();
        foreach (var worker in team.Workers)
        {
            var result = await control.SpawnAsync(
                new SpawnRequest(worker.Agent, worker.Role, worker.Model ?? "", worker.Prompt, worker.Write, workspace.Repo),
                cancellationToken).ConfigureAwait(false);
            if (!result.Ok || result.RunId is null)
            {
                throw new CliException($"the demo could not start its {worker.Agent} {worker.Role} worker: {result.Message}");
            }

            ids.Add(result.RunId);
        }

        return ids;
    }

    private static async Task WaitForTeamAsync(CliContext demo, IReadOnlyList<string> runIds, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var services = WorkerServices.Open(demo.Console);
        var deadline = DateTimeOffset.UtcNow + limit;
        while (runIds.Select(services.Resolve).Any(r => !r.Status.IsFinal()))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                demo.Console.Error.WriteLine($"agentdeck: the demo team was still running after {limit.TotalSeconds:0} s; it keeps going (watch it with the command below)");
                return;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<RunRecord>> ReportAsync(CliContext demo, DemoWorkspace workspace, CancellationToken cancellationToken)
    {
        var output = context.Console.Out;
        using var services = WorkerServices.Open(demo.Console);
        var runs = services.Ledger.ListRuns(new RunQuery { Limit = 100 }).Select(services.Refresh).ToList();
        output.WriteLine();
        RunTable.Write(output, runs, DateTimeOffset.UtcNow);
        var changes = await workspace.ChangesAsync(runner, cancellationToken).ConfigureAwait(false);
        output.WriteLine();
        output.WriteLine(changes.Length == 0 ? "The team changed no files yet." : "What the team changed in the repository (git status --short):");
        output.Write(changes);
        return runs;
    }
}
