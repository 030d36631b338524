using AgentDeck.Core;
using AgentDeck.Discovery.Environment;
using AgentDeck.Discovery.Profiles;
using AgentDeck.Discovery.TomlFiles;
using AgentDeck.Toml;

namespace AgentDeck.Discovery.Codex;

/// <summary>
/// Reads $CODEX_HOME/config.toml and the profile v2 files $CODEX_HOME/NAME.config.toml (each laid over config.toml,
/// as <c>codex --profile NAME</c> does). Legacy <c>[profiles.NAME]</c> tables and a top-level <c>profile = …</c> are
/// reported as such: current Codex ignores the tables and refuses the key (agent-protocols.md §2.7).
/// </summary>
public sealed class CodexConfigReader(DiscoveryEnvironment environment)
{
    public const string ConfigProfileName = "codex-config";
    private const string ProfileFileSuffix = ".config.toml";

    public string ConfigPath => Path.Combine(environment.CodexHome, "config.toml");

    public IReadOnlyList<DiscoveredProfile> Read(ICollection<DiscoveryWarning> warnings)
    {
        var profiles = new List<DiscoveredProfile>();
        TomlTable? baseRoot = null;
        if (File.Exists(ConfigPath) && TomlReading.Load(ConfigPath, warnings) is { } config)
        {
            baseRoot = config.Root;
            var reading = new TomlReading(ConfigPath, warnings);
            ReportLegacyProfileKey(config.Root, reading);
            profiles.Add(ToProfile(ConfigProfileName, ConfigProfileName, ProfileSource.CodexConfig, ConfigPath,
                CodexConfigSummary.From(config.Root, null, reading), isCurrent: true));
            profiles.AddRange(LegacyProfileTables(config.Root, reading));
        }

        foreach (var path in ProfileFiles())
        {
            if (TomlReading.Load(path, warnings) is not { } document)
            {
                continue;
            }

            var name = Path.GetFileName(path)[..^ProfileFileSuffix.Length];
            var summary = CodexConfigSummary.From(document.Root, baseRoot, new TomlReading(path, warnings));
            var profile = ToProfile(name, name, ProfileSource.CodexProfileFile, path, summary, isCurrent: false) with
            {
                CodexOverrides = CodexProfileOverrides.From(document.Root, summary),
                Environment = new SecretEnvironment(new Dictionary<string, string>(summary.SecretEnvironment, StringComparer.Ordinal)),
            };
            if (profiles.Any(existing => existing.Source == ProfileSource.CodexLegacyProfileTable && existing.Id == name))
            {
                warnings.Add(DiscoveryWarning.About(ConfigPath,
                    $"[profiles.{name}] is still in config.toml: `codex --profile {name}` fails until that table is removed"));
            }

            profiles.Add(profile);
        }

        return profiles;
    }

    private IEnumerable<string> ProfileFiles()
    {
        if (!Directory.Exists(environment.CodexHome))
        {
            return [];
        }

        return Directory.EnumerateFiles(environment.CodexHome, "*" + ProfileFileSuffix)
            .Where(path => Path.GetFileName(path).Length > ProfileFileSuffix.Length)
            .Order(StringComparer.Ordinal);
    }

    private static void ReportLegacyProfileKey(TomlTable root, TomlReading reading)
    {
        if (root.TryGetChild("profile", out var value))
        {
            reading.Warn(value, $"top-level `profile = {value}` is a hard error in current Codex; remove it and use `--profile {value}` with {value}{ProfileFileSuffix}");
        }
    }

    private IEnumerable<DiscoveredProfile> LegacyProfileTables(TomlTable root, TomlReading reading)
    {
        if (reading.Table(root, "profiles") is not { } tables)
        {
            yield break;
        }

        foreach (var (name, table) in tables.ChildTables)
        {
            var summary = CodexConfigSummary.From(table, root, reading);
            yield return ToProfile(name, name, ProfileSource.CodexLegacyProfileTable, ConfigPath, summary, isCurrent: false) with
            {
                Note = $"legacy [profiles.{name}] table: Codex 0.134+ ignores it; move it to {name}{ProfileFileSuffix} to use --profile {name}",
            };
        }
    }

    private DiscoveredProfile ToProfile(string name, string id, ProfileSource source, string path, CodexConfigSummary summary, bool isCurrent)
    {
        var credential = summary.SecretEnvironment.Count > 0 ? summary.SecretEnvironment.Keys.First() : summary.EnvKey is { } envKey
            ? environment.Has(envKey) ? envKey : null
            : new[] { "OPENAI_API_KEY", "CODEX_API_KEY" }.FirstOrDefault(environment.Has);
        return new DiscoveredProfile(name, id, AgentKind.Codex, source, path, summary.Model, new Dictionary<string, string>(),
            summary.BaseUrl, credential, isCurrent)
        {
            Effort = summary.Effort,
            Note = summary.EnvKey is { } key && credential is null ? $"provider {summary.Provider} reads its key from {key}, which is not set" : null,
        };
    }
}
