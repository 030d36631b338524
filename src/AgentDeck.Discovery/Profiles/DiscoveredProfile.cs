using System.Text.Json.Serialization;
using AgentDeck.Core;

namespace AgentDeck.Discovery.Profiles;

/// <summary>
/// One way the user has set up an agent, with where it came from. Only the names of credential variables are kept in
/// view (<see cref="CredentialVariable"/>); values live in <see cref="Environment"/>, which JSON and ToString hide.
/// </summary>
public sealed record DiscoveredProfile(
    string Name,
    string Id,
    AgentKind Agent,
    ProfileSource Source,
    string SourcePath,
    string? Model,
    IReadOnlyDictionary<string, string> ModelAliases,
    [property: JsonIgnore] string? BaseUrl,
    string? CredentialVariable,
    bool IsCurrent)
{
    public string? Effort { get; init; }

    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>Codex <c>-c key=value</c> overrides (value as TOML text) that select this profile's provider and model.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> CodexOverrides { get; init; } = [];

    /// <summary>A remark for the user, e.g. that a legacy Codex profile table is ignored by current Codex.</summary>
    public string? Note { get; init; }

    [JsonIgnore]
    public SecretEnvironment Environment { get; init; } = SecretEnvironment.Empty;

    public IReadOnlyList<string> EnvironmentNames => Environment.Names;

    public bool HasCredential => CredentialVariable is not null;

    /// <summary>Every model id the profile names: its main model, then the alias targets, without repeats.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ModelsNamed =>
        new[] { Model }.Concat(ModelAliases.Values).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public string SourceName => Source.ToString();

    /// <summary>The base URL as it may be printed: its userinfo and secret query values masked.</summary>
    [JsonPropertyName("baseUrl")]
    public string? ShownBaseUrl => UrlCredentials.Masked(BaseUrl);
}
