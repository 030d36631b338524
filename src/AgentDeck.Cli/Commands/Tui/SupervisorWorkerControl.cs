using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Commands.Steer;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;
using AgentDeck.Supervision.Control;
using AgentDeck.Tui.Control;

namespace AgentDeck.Cli.Commands.Tui;

/// <summary>
/// The screen's keys acting on real workers: spawn and cross-review start detached supervised runs exactly as
/// <c>agentdeck run --detach</c> does; steer, interrupt and stop go to the run's supervisor over its control socket.
/// </summary>
public sealed class SupervisorWorkerControl(CliContext context, IProcessRunner runner, IAgentDriverFactory drivers) : IWorkerControl
{
    private const string DefaultReviewer = "review";

    public string? UnavailableReason => null;

    public Task<ControlResult> SpawnAsync(SpawnRequest request, CancellationToken cancellationToken) => Guard(() =>
    {
        AgentKind? agent = null;
        if (NullIfBlank(request.Agent) is { } name)
        {
            if (!AgentKinds.TryParse(name, out var named))
            {
                return ControlResult.Failed($"unknown agent '{request.Agent}'; use one of {string.Join(", ", AgentKinds.Names)}, or leave it empty to route the role");
            }

            agent = named;
        }

        if (string.IsNullOrWhiteSpace(request.Prompt))
        {
            return ControlResult.Failed("the prompt is empty: write what the worker should do");
        }

        var (model, profile) = SplitModelOrProfile(request.ModelOrProfile);
        var run = Launch(agent, NullIfBlank(request.Role), model, profile, request.Prompt, request.AllowWrite,
            request.Cwd ?? context.Console.CurrentDirectory, parentRun: null);
        return ControlResult.Done($"spawned {run.Id} ({run.Agent}{(run.Role is { } role ? ", " + role : "")})", run.Id);
    });

    public Task<ControlResult> SteerAsync(string runId, string message, CancellationToken cancellationToken) =>
        Send(runId, new ControlRequest(ControlRequest.Steer) { Message = message, From = SteerSenders.Tui }, "steered", cancellationToken);

    public Task<ControlResult> InterruptAsync(string runId, CancellationToken cancellationToken) =>
        Send(runId, new ControlRequest(ControlRequest.Interrupt), "interrupted", cancellationToken);

    public Task<ControlResult> StopAsync(string runId, CancellationToken cancellationToken) =>
        Send(runId, new ControlRequest(ControlRequest.Stop), "stopping", cancellationToken);

    public Task<ControlResult> CrossReviewAsync(string runId, string? reviewerRole, CancellationToken cancellationToken) => Guard(() =>
    {
        using var services = WorkerServices.Open(context.Console);
        var original = services.Resolve(runId);
        if (!original.Status.IsFinal() || string.IsNullOrWhiteSpace(original.FinalText))
        {
            return ControlResult.Failed($"run {original.Id} has no final result to review yet ({original.Status.ToName()})");
        }

        if (!AgentKinds.TryParse(original.Agent, out var agent))
        {
            return ControlResult.Failed($"run {original.Id} was made by '{original.Agent}', which AgentDeck cannot start");
        }

        var role = new LaunchPlanner(context).Role(reviewerRole ?? DefaultReviewer)!.Name;
        var prompt = CrossReviewPrompt.For(original, role);
        var review = Launch(agent, role, null, null, prompt, write: false, original.Cwd ?? context.Console.CurrentDirectory, original.Id);
        return ControlResult.Done($"cross-review {review.Id} ({role}) of {original.Id} started", review.Id);
    });

    private RunRecord Launch(AgentKind? agent, string? role, string? model, string? profile, string prompt, bool write, string cwd, string? parentRun)
    {
        var planner = new LaunchPlanner(context);
        role = planner.Role(role)?.Name;
        var choice = new LaunchRouter(context, planner).Choose(agent, role, model, profile);
        planner.Profile(choice.Agent, choice.Profile, choice.Model);
        using var services = WorkerServices.Open(context.Console);
        var newRun = WorkerLauncher.NewRunFor(choice.Agent, prompt, cwd, role, choice.RecordedModel, choice.Profile) with
        {
            ParentRun = parentRun,
            Route = choice.Route,
        };
        return new WorkerLauncher(services, runner, drivers).Launch(
            newRun,
            id => planner.Plan(id, choice.Agent, prompt, cwd, role, choice.Model, choice.Profile, write),
            keepOpen: false);
    }

    private async Task<ControlResult> Send(string runId, ControlRequest request, string done, CancellationToken cancellationToken)
    {
        try
        {
            using var services = WorkerServices.Open(context.Console);
            var (run, reply) = await RunControl.SendAsync(services, runId, request, cancellationToken).ConfigureAwait(false);
            return ControlResult.Done($"{done} {run.Id}: {RunControl.Describe(reply)}", run.Id);
        }
        catch (Exception error) when (UserErrors.TryDescribe(error, out var message, out _))
        {
            return ControlResult.Failed(message);
        }
    }

    private static Task<ControlResult> Guard(Func<ControlResult> action)
    {
        try
        {
            return Task.FromResult(action());
        }
        catch (Exception error) when (UserErrors.TryDescribe(error, out var message, out _))
        {
            return Task.FromResult(ControlResult.Failed(message));
        }
    }

    /// <summary>The dialog has one field for both: <c>profile:NAME</c> (or <c>@NAME</c>) names a profile, anything else a model.</summary>
    private static (string? Model, string? Profile) SplitModelOrProfile(string? value) => NullIfBlank(value) switch
    {
        null => (null, null),
        var v when v.StartsWith("profile:", StringComparison.OrdinalIgnoreCase) => (null, v["profile:".Length..].Trim()),
        var v when v.StartsWith('@') => (null, v[1..].Trim()),
        var v => (v, null),
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
