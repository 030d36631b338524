using AgentDeck.Discovery.TomlFiles;
using AgentDeck.Toml;

namespace AgentDeck.Discovery.Codex;

/// <summary>
/// A Codex profile file as <c>-c key=value</c> overrides: <c>codex app-server</c>, which live workers run under, has no
/// <c>--profile</c> flag, so every leaf of NAME.config.toml is laid over config.toml the way <c>--profile</c> would.
/// The summary's own overrides (model, provider, the provider's table with its bearer token moved to the environment)
/// come first; the rest of the file follows, except inline bearer tokens, which never go on a command line.
/// </summary>
internal static class CodexProfileOverrides
{
    private const string BearerTokenKey = "experimental_bearer_token";

    public static IReadOnlyList<KeyValuePair<string, string>> From(TomlTable profileRoot, CodexConfigSummary summary)
    {
        var overrides = new List<KeyValuePair<string, string>>(summary.Overrides);
        var taken = overrides.Select(pair => pair.Key).ToHashSet(StringComparer.Ordinal);
        var selectedProvider = summary.Provider is { } provider ? TomlKeyPath.Format(["model_providers", provider]) + "." : null;
        foreach (var (path, literal) in Leaves(profileRoot, []))
        {
            var alreadySummarized = selectedProvider is not null && path.StartsWith(selectedProvider, StringComparison.Ordinal);
            if (!alreadySummarized && taken.Add(path))
            {
                overrides.Add(KeyValuePair.Create(path, literal));
            }
        }

        return overrides;
    }

    private static IEnumerable<(string Path, string Literal)> Leaves(TomlTable table, List<string> prefix)
    {
        foreach (var (key, value) in table)
        {
            if (key == BearerTokenKey)
            {
                continue;
            }

            List<string> path = [.. prefix, key];
            if (value is TomlTable child)
            {
                foreach (var leaf in Leaves(child, path))
                {
                    yield return leaf;
                }
            }
            else if (Literal(value) is { } literal)
            {
                yield return (TomlKeyPath.Format(path), literal);
            }
        }
    }

    private static string? Literal(TomlValue value)
    {
        if (value is not TomlArray array)
        {
            return TomlLiteral.Format(value);
        }

        var items = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (Literal(item) is not { } literal)
            {
                return null;
            }

            items.Add(literal);
        }

        return "[" + string.Join(", ", items) + "]";
    }
}
