using AgentDeck.Core;

namespace AgentDeck.Discovery.Profiles;

/// <summary>How each agent CLI takes a model and a reasoning effort on its command line (agent-protocols.md §1.1, §2.1, §3, §4).</summary>
internal sealed record AgentFlags(Func<string, string[]> Model, Func<string, string[]> Effort)
{
    private static readonly IReadOnlyDictionary<AgentKind, AgentFlags> Table = new Dictionary<AgentKind, AgentFlags>
    {
        [AgentKind.Claude] = new(model => ["--model", model], effort => ["--effort", effort]),
        // A config override, not -m: `codex app-server` (how new Codex workers run) has no -m flag, while -c works
        // for exec and app-server alike.
        [AgentKind.Codex] = new(model => ["-c", $"model=\"{model}\""], effort => ["-c", $"model_reasoning_effort=\"{effort}\""]),
        [AgentKind.Gemini] = new(model => ["-m", model], _ => []),
        [AgentKind.OpenCode] = new(model => ["-m", model], effort => ["--variant", effort]),
    };

    public static AgentFlags For(AgentKind agent) => Table[agent];
}
