using AgentDeck.Core.Routing;

namespace AgentDeck.Discovery.Bench;

/// <summary>One bench task: the role and permission it runs with, the files of its scratch repo, the prompt and its check.</summary>
public sealed record BenchTask(
    string Name,
    string Role,
    RolePermission Permission,
    string Prompt,
    IReadOnlyDictionary<string, string> Files,
    BenchCheck Check);
