using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Drivers.Codex;

/// <summary>Codex's sandbox for a launch: the sandbox, not approvals, decides what a non-interactive worker may do.</summary>
public static class CodexSandbox
{
    public const string ReadOnly = "read-only";
    public const string WorkspaceWrite = "workspace-write";

    public static string For(WorkerLaunch launch) => launch.Write ? WorkspaceWrite : ReadOnly;
}
