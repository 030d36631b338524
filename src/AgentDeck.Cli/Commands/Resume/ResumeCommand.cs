using System.CommandLine;
using AgentDeck.Agents.Drivers;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Commands.Resume;

/// <summary><c>agentdeck resume RUN MESSAGE [--detach]</c>: continues a finished run's session as a new run (parent_run set).</summary>
public static class ResumeCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Argument<string>("RUN") { Description = "The finished run whose session to continue." };
        var message = new Argument<string>("MESSAGE") { Description = "The next message." };
        var detach = new Option<bool>("--detach", "-d") { Description = "Print the new run id and return." };
        var write = new Option<bool>("--write") { Description = "Let the agent edit files." };
        var command = new Command("resume", "Continue a finished run's agent session as a new run.") { run, message, detach, write };
        command.SetAction(async (result, cancellationToken) =>
        {
            using var services = WorkerServices.Open(context.Console);
            var parent = services.Resolve(result.GetRequiredValue(run));
            if (!parent.Status.IsFinal())
            {
                throw new CliException($"run {parent.Id} is still {parent.Status.ToName()}: steer it with 'agentdeck steer {parent.Id} MESSAGE' instead");
            }

            if (parent.SessionId is not { } session || !AgentKinds.TryParse(parent.Agent, out var agent))
            {
                throw new CliException($"run {parent.Id} recorded no agent session to resume; start a new run instead");
            }

            var prompt = result.GetRequiredValue(message);
            var cwd = parent.Cwd ?? context.Console.CurrentDirectory;
            var newRun = WorkerLauncher.NewRunFor(agent, prompt, cwd, parent.Role, parent.Model, parent.Profile) with
            {
                ParentRun = parent.Id,
                SessionId = session,
            };
            var launched = new WorkerLauncher(services, new ProcessRunner(), new AgentDriverFactory()).Launch(newRun,
                id => new LaunchPlanner(context).Plan(id, agent, prompt, cwd, parent.Role, parent.Model, parent.Profile, result.GetValue(write))
                    with { ResumeSessionId = session },
                keepOpen: false);
            return await RunHandler.Finish(context, services, launched, result.GetValue(detach), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
