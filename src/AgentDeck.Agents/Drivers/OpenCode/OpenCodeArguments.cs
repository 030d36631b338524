using AgentDeck.Agents.Drivers.Shared;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Drivers.OpenCode;

/// <summary>
/// The <c>opencode run</c> command line (agent-protocols.md §4). OpenCode's system prompt comes from agent definitions
/// in its config, so a persona goes in front of the session's first prompt.
/// </summary>
public static class OpenCodeArguments
{
    public static IReadOnlyList<string> For(WorkerLaunch launch)
    {
        List<string> arguments = ["run", "--format", "json"];
        // OpenCode wants provider/model; the id is passed as given and OpenCode reports an unknown one itself.
        arguments.AddIf(launch.Model, "-m");
        arguments.AddIf(launch.ResumeSessionId, "--session");
        arguments.AddRange(launch.ExtraArguments);
        arguments.AddPrompt(CommandLine.PromptWithPersona(launch.Prompt, launch.Persona, launch.Resumes()));
        return arguments;
    }
}
