using System.CommandLine;
using AgentDeck.Agents.Drivers;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>
/// <c>agentdeck run [--agent A] [--role R] [--model M | --profile P] [--write] [--cwd DIR] [--detach] PROMPT</c>; without
/// --agent the role's route chooses the agent.
/// </summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var agent = AgentOption.Create(required: false);
        agent.Description = "The agent CLI to run (default: the one the role's route chooses).";
        var role = new Option<string?>("--role") { Description = "The worker's role (requirements, architecture, security, testing, implementation, review, ops, or one of your own in roles.yaml)." };
        var model = new Option<string?>("--model", "-m") { Description = "The model to ask the agent for." };
        var profile = new Option<string?>("--profile") { Description = "A provider profile (instead of --model)." };
        var write = new Option<bool>("--write") { Description = "Let the agent edit files (read-only otherwise)." };
        var cwd = new Option<string?>("--cwd") { Description = "The worker's working directory (default: here)." };
        var detach = new Option<bool>("--detach", "-d") { Description = "Print the run id and return; the worker runs on." };
        var keepOpen = new Option<bool>("--keep-open") { Description = "Keep the session open after the turn, for more steering." };
        var promptFile = new Option<string?>("--prompt-file") { Description = "Read the prompt from this file." };
        var prompt = new Argument<string?>("PROMPT") { Description = "The prompt (text starting with @ is text too), or - for standard input.", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("run", "Start an agent worker that outlives this terminal, and follow it unless --detach.")
        {
            agent, role, model, profile, write, cwd, detach, keepOpen, promptFile, prompt,
        };
        command.SetAction((result, cancellationToken) => new RunHandler(context, new ProcessRunner(), new AgentDriverFactory()).RunAsync(
            new RunRequest(
                result.GetValue(agent) is { } name ? AgentOption.Parse(name) : null,
                PromptInput.Read(result.GetValue(prompt), result.GetValue(promptFile), context.Console),
                result.GetValue(role),
                result.GetValue(model),
                result.GetValue(profile),
                result.GetValue(write),
                result.GetValue(cwd),
                result.GetValue(detach),
                result.GetValue(keepOpen)),
            cancellationToken));
        return command;
    }
}
