using System.Text.Json;
using AgentDeck.Core;

namespace AgentDeck.Agents.Drivers;

/// <summary>Choices that hold for every driver a factory creates.</summary>
public sealed record AgentDriverOptions
{
    /// <summary>Prefix of the variables that replace an agent's CLI: <c>AGENTDECK_CLAUDE_COMMAND</c>, <c>AGENTDECK_CODEX_COMMAND</c>, …</summary>
    public const string CommandVariablePrefix = "AGENTDECK_";

    public const string CommandVariableSuffix = "_COMMAND";

    public static AgentDriverOptions Default { get; } = new();

    /// <summary>How new Codex workers run; resumed Codex sessions always use <c>codex exec resume</c>.</summary>
    public CodexTransport Codex { get; init; } = CodexTransport.AppServer;

    /// <summary>Executables to run instead of the names on PATH (a path, or another name), per agent.</summary>
    public IReadOnlyDictionary<AgentKind, string> Programs { get; init; } = new Dictionary<AgentKind, string>();

    /// <summary>
    /// Whole commands (program, then leading arguments) to run instead of an agent's CLI; the agent's own arguments
    /// follow them. Wins over <see cref="Programs"/>. <c>agentdeck demo</c> runs its simulated agent this way.
    /// </summary>
    public IReadOnlyDictionary<AgentKind, IReadOnlyList<string>> Commands { get; init; } = new Dictionary<AgentKind, IReadOnlyList<string>>();

    /// <summary>Sent as <c>clientInfo</c> in Codex's app-server <c>initialize</c>.</summary>
    public string ClientName { get; init; } = "agentdeck";

    public string ClientVersion { get; init; } =
        typeof(AgentDriverOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The variable that replaces <paramref name="agent"/>'s CLI, e.g. <c>AGENTDECK_CLAUDE_COMMAND</c>.</summary>
    public static string CommandVariable(AgentKind agent) =>
        CommandVariablePrefix + agent.ToName().ToUpperInvariant() + CommandVariableSuffix;

    /// <summary>
    /// The defaults plus any <c>AGENTDECK_&lt;AGENT&gt;_COMMAND</c> variables: a JSON array of strings
    /// (<c>["dotnet", "/x/agentdeck.dll", "simulate-agent", "--agent", "claude"]</c>) or a single program path. Set by a
    /// front end for the supervisors it starts, which inherit its environment.
    /// </summary>
    public static AgentDriverOptions FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var commands = new Dictionary<AgentKind, IReadOnlyList<string>>();
        foreach (var agent in Enum.GetValues<AgentKind>())
        {
            if (environment(CommandVariable(agent)) is { Length: > 0 } value && ParseCommand(value) is { Count: > 0 } command)
            {
                commands[agent] = command;
            }
        }

        return commands.Count == 0 ? Default : Default with { Commands = commands };
    }

    private static IReadOnlyList<string>? ParseCommand(string value)
    {
        if (!value.TrimStart().StartsWith('['))
        {
            return [value.Trim()];
        }

        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(value);
            return parts is { Length: > 0 } && parts.All(p => !string.IsNullOrEmpty(p)) ? parts : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
