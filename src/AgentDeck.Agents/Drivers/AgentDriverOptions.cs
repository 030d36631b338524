using AgentDeck.Core;

namespace AgentDeck.Agents.Drivers;

/// <summary>Choices that hold for every driver a factory creates.</summary>
public sealed record AgentDriverOptions
{
    public static AgentDriverOptions Default { get; } = new();

    /// <summary>How new Codex workers run; resumed Codex sessions always use <c>codex exec resume</c>.</summary>
    public CodexTransport Codex { get; init; } = CodexTransport.AppServer;

    /// <summary>Executables to run instead of the names on PATH (a path, or another name), per agent.</summary>
    public IReadOnlyDictionary<AgentKind, string> Programs { get; init; } = new Dictionary<AgentKind, string>();

    /// <summary>Sent as <c>clientInfo</c> in Codex's app-server <c>initialize</c>.</summary>
    public string ClientName { get; init; } = "agentdeck";

    public string ClientVersion { get; init; } =
        typeof(AgentDriverOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
}
