using System.Text.Json;
using AgentDeck.Discovery.Json;

namespace AgentDeck.Discovery.Profiles;

/// <summary>
/// What a Claude Code settings body (~/.claude/settings.json, or a CC-Switch Claude provider's settingsConfig) says
/// about routing: its env block, the base URL, the main model, the alias targets and which credential variable is set.
/// </summary>
public sealed record ClaudeEnvironmentReading(
    IReadOnlyDictionary<string, string> Environment,
    string? BaseUrl,
    string? Model,
    IReadOnlyDictionary<string, string> ModelAliases,
    string? CredentialVariable)
{
    /// <summary>Alias name → env variable, from agent-protocols.md §1.10.</summary>
    public static IReadOnlyList<(string Alias, string Variable)> AliasVariables { get; } =
    [
        ("opus", "ANTHROPIC_DEFAULT_OPUS_MODEL"),
        ("sonnet", "ANTHROPIC_DEFAULT_SONNET_MODEL"),
        ("haiku", "ANTHROPIC_DEFAULT_HAIKU_MODEL"),
        ("fable", "ANTHROPIC_DEFAULT_FABLE_MODEL"),
        ("small-fast", "ANTHROPIC_SMALL_FAST_MODEL"),
        ("subagent", "CLAUDE_CODE_SUBAGENT_MODEL"),
    ];

    /// <summary>Bearer token first: Claude Code sends ANTHROPIC_AUTH_TOKEN as Authorization, the API key as x-api-key.</summary>
    public static IReadOnlyList<string> CredentialVariables { get; } = ["ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_API_KEY"];

    public static ClaudeEnvironmentReading From(JsonElement settings)
    {
        var env = settings.Object("env").StringMap();
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (alias, variable) in AliasVariables)
        {
            if (env.TryGetValue(variable, out var target) && !string.IsNullOrWhiteSpace(target))
            {
                aliases[alias] = target.Trim();
            }
        }

        var model = NonBlank(env.GetValueOrDefault("ANTHROPIC_MODEL")) ?? NonBlank(settings.String("model"));
        var credential = CredentialVariables.FirstOrDefault(name => !string.IsNullOrWhiteSpace(env.GetValueOrDefault(name)));
        return new ClaudeEnvironmentReading(env, NonBlank(env.GetValueOrDefault("ANTHROPIC_BASE_URL")), model, aliases, credential);
    }

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
