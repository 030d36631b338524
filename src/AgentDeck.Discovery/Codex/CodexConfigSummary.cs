using AgentDeck.Discovery.TomlFiles;
using AgentDeck.Toml;

namespace AgentDeck.Discovery.Codex;

/// <summary>
/// What a Codex config.toml selects (agent-protocols.md §2.7): the model, the provider and its base URL and env_key,
/// the reasoning effort, and the same choices as <c>-c key=value</c> overrides so a worker can use them without the
/// file being installed.
/// </summary>
public sealed record CodexConfigSummary(
    string? Model,
    string? Provider,
    string? BaseUrl,
    string? EnvKey,
    string? Effort,
    IReadOnlyList<KeyValuePair<string, string>> Overrides)
{
    /// <summary>
    /// Where a provider's inline bearer token travels instead of the command line (argv is visible to every local
    /// user): the worker gets it in this variable and an <c>env_key</c> override pointing at it.
    /// </summary>
    public const string BearerTokenVariable = "AGENTDECK_CODEX_BEARER_TOKEN";

    private const string BearerTokenKey = "experimental_bearer_token";

    public static CodexConfigSummary Empty { get; } = new(null, null, null, null, null, []);

    /// <summary>Secret values lifted out of the overrides (see <see cref="BearerTokenVariable"/>); never serialized.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, string> SecretEnvironment { get; init; } = new Dictionary<string, string>();

    /// <summary>Reads config text (e.g. CC-Switch's embedded config.toml); a parse error is a warning and an empty summary.</summary>
    public static CodexConfigSummary Parse(string text, string source, ICollection<DiscoveryWarning> warnings) =>
        TomlReading.Parse(text, source, warnings) is { } document
            ? From(document.Root, null, new TomlReading(source, warnings))
            : Empty;

    /// <summary>Reads a config table laid over an optional base (a profile file over config.toml).</summary>
    internal static CodexConfigSummary From(TomlTable root, TomlTable? baseRoot, TomlReading reading)
    {
        var model = reading.String(root, "model") ?? Inherited(baseRoot, "model");
        var provider = reading.String(root, "model_provider") ?? Inherited(baseRoot, "model_provider");
        var effort = reading.String(root, "model_reasoning_effort") ?? Inherited(baseRoot, "model_reasoning_effort");
        var providerTable = provider is null ? null : ProviderTable(root, provider) ?? ProviderTable(baseRoot, provider);
        var baseUrl = providerTable is null ? null : reading.String(providerTable, "base_url");
        var envKey = providerTable is null ? null : reading.String(providerTable, "env_key");

        var overrides = new List<KeyValuePair<string, string>>();
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        AddOverride(overrides, ["model"], model);
        AddOverride(overrides, ["model_provider"], provider);
        AddOverride(overrides, ["model_reasoning_effort"], effort);
        if (providerTable is not null)
        {
            var hasBearerToken = providerTable.TryGetChild(BearerTokenKey, out var tokenValue) && tokenValue is TomlString;
            foreach (var (key, value) in providerTable)
            {
                if (key == BearerTokenKey && value is TomlString token)
                {
                    secrets[BearerTokenVariable] = token.Value;
                    overrides.Add(KeyValuePair.Create(TomlKeyPath.Format(["model_providers", provider!, "env_key"]), TomlLiteral.Quote(BearerTokenVariable)));
                    envKey = BearerTokenVariable;
                }
                else if (key == "env_key" && hasBearerToken)
                {
                    continue;
                }
                else if (TomlLiteral.Format(value) is { } literal)
                {
                    overrides.Add(KeyValuePair.Create(TomlKeyPath.Format(["model_providers", provider!, key]), literal));
                }
            }
        }

        return new CodexConfigSummary(model, provider, baseUrl, envKey, effort, overrides) { SecretEnvironment = secrets };
    }

    private static void AddOverride(List<KeyValuePair<string, string>> overrides, string[] keys, string? value)
    {
        if (value is not null)
        {
            overrides.Add(KeyValuePair.Create(TomlKeyPath.Format(keys), TomlLiteral.Quote(value)));
        }
    }

    private static string? Inherited(TomlTable? baseRoot, string key) =>
        baseRoot is not null && baseRoot.TryGetChild(key, out var value) && value is TomlString text ? text.Value : null;

    private static TomlTable? ProviderTable(TomlTable? root, string provider) =>
        root is not null && root.TryGetChild("model_providers", out var providers) && providers is TomlTable table
        && table.TryGetChild(provider, out var entry) && entry is TomlTable providerTable
            ? providerTable
            : null;
}
