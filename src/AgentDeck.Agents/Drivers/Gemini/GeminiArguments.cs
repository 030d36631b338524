using AgentDeck.Agents.Drivers.Shared;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Drivers.Gemini;

/// <summary>
/// The <c>gemini</c> command line (agent-protocols.md §3). Gemini has no system-prompt flag (only the
/// <c>GEMINI_SYSTEM_MD</c> file, which would replace the whole system prompt and needs a file a pure driver cannot
/// write), so a persona goes in front of the session's first prompt.
/// </summary>
public static class GeminiArguments
{
    // Read-only is the explicit headless default mode, which does not register mutating tools at all: write_file and
    // run_shell_command fail with tool_not_registered [obs]. Naming it overrides a user's settings default. plan mode
    // was left alone: it is experimental behind a settings switch upstream and was never exercised here.
    public const string ReadOnlyMode = "default";

    // Write is yolo: auto_edit would approve edits but leave the shell (which needs approval) out of a headless run,
    // while the other agents' write mode includes Bash. gemini-02-tools ran write_file and the shell this way.
    public const string WriteMode = "yolo";

    public static IReadOnlyList<string> For(WorkerLaunch launch)
    {
        var prompt = CommandLine.PromptWithPersona(launch.Prompt, launch.Persona, launch.Resumes());
        // -p takes a value, so a prompt starting with '-' is passed glued to the option rather than after "--".
        List<string> arguments = prompt.StartsWith('-') ? ["--prompt=" + prompt] : ["-p", prompt];
        arguments.AddRange(["--output-format", "stream-json", "--approval-mode", launch.Write ? WriteMode : ReadOnlyMode]);
        arguments.AddIf(launch.Model, "-m");
        arguments.AddIf(launch.ResumeSessionId, "--resume");
        arguments.AddRange(launch.ExtraArguments);
        return arguments;
    }
}
