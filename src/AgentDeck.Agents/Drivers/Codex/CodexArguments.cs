using AgentDeck.Agents.Drivers.Shared;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Drivers.Codex;

/// <summary>The <c>codex</c> command lines (agent-protocols.md §2.1, §2.5, §2.6).</summary>
public static class CodexArguments
{
    /// <summary><c>codex exec --json -s SANDBOX -C DIR [-m M] [-c developer_instructions="…"] --skip-git-repo-check PROMPT</c>.</summary>
    public static IReadOnlyList<string> Exec(WorkerLaunch launch)
    {
        List<string> arguments = ["exec", "--json", "-s", CodexSandbox.For(launch), "-C", launch.WorkingDirectory];
        arguments.AddIf(launch.Model, "-m");
        AddPersona(arguments, launch);
        arguments.Add("--skip-git-repo-check");
        arguments.AddRange(launch.ExtraArguments);
        arguments.AddPrompt(launch.Prompt);
        return arguments;
    }

    /// <summary>
    /// <c>codex exec resume ID --json [-m M] -c sandbox_mode="…" [-c developer_instructions="…"] --skip-git-repo-check
    /// PROMPT</c>. The resume subcommand takes no <c>-s</c> or <c>-C</c>: the sandbox goes through <c>-c</c> and the
    /// process runs in the launch's directory.
    /// </summary>
    public static IReadOnlyList<string> Resume(WorkerLaunch launch, string sessionId)
    {
        List<string> arguments = ["exec", "resume", sessionId, "--json"];
        arguments.AddIf(launch.Model, "-m");
        arguments.Add("-c");
        arguments.Add(TomlString.Override("sandbox_mode", CodexSandbox.For(launch)));
        AddPersona(arguments, launch);
        arguments.Add("--skip-git-repo-check");
        arguments.AddRange(launch.ExtraArguments);
        arguments.AddPrompt(launch.Prompt);
        return arguments;
    }

    /// <summary><c>codex app-server</c>; everything else (cwd, sandbox, model, persona) goes in <c>thread/start</c>.</summary>
    public static IReadOnlyList<string> AppServer(WorkerLaunch launch) => ["app-server", .. launch.ExtraArguments];

    // developer_instructions adds a developer message and keeps Codex's own base instructions (§2.1).
    private static void AddPersona(List<string> arguments, WorkerLaunch launch)
    {
        if (!string.IsNullOrWhiteSpace(launch.Persona))
        {
            arguments.Add("-c");
            arguments.Add(TomlString.Override("developer_instructions", launch.Persona));
        }
    }
}
