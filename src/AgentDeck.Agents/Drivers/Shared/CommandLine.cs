using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Drivers.Shared;

/// <summary>Small argv helpers shared by the agents' argument builders.</summary>
internal static class CommandLine
{
    public static void AddIf(this List<string> arguments, string? value, string flag)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            arguments.Add(flag);
            arguments.Add(value);
        }
    }

    /// <summary>
    /// Adds the prompt as the last positional argument. A prompt starting with '-' would be read as an option, so it
    /// goes after <c>--</c>, which ends option parsing in clap (Codex) and yargs (Gemini, OpenCode).
    /// </summary>
    public static void AddPrompt(this List<string> arguments, string prompt)
    {
        if (prompt.StartsWith('-'))
        {
            arguments.Add("--");
        }

        arguments.Add(prompt);
    }

    public static bool Resumes(this WorkerLaunch launch) => !string.IsNullOrWhiteSpace(launch.ResumeSessionId);

    /// <summary>
    /// For CLIs without a system-prompt flag the persona travels in front of the first prompt of a session. A resumed
    /// session already carries it in its history, so it is not repeated there.
    /// </summary>
    public static string PromptWithPersona(string prompt, string? persona, bool resuming) =>
        string.IsNullOrWhiteSpace(persona) || resuming ? prompt : persona.TrimEnd() + "\n\n" + prompt;
}
