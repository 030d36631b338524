using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Environment;
using AgentDeck.Discovery.Profiles;
using AgentDeck.Discovery.TomlFiles;
using AgentDeck.Toml;

namespace AgentDeck.Discovery.Config;

/// <summary>
/// Reads the profiles and routing policy of ~/.config/agentdeck/config.toml, then the project's .agentdeck/config.toml
/// over it (same profile or role name replaces; routing scalars override). A broken file is reported with file, line
/// and column, and the rest keeps its defaults.
/// <code>
/// [profiles.fast]
/// agent = "claude"                 # claude | codex | gemini | opencode
/// model = "claude-haiku-4-5"
/// effort = "low"
/// args = ["--max-turns", "30"]
/// env = { CLAUDE_CODE_MAX_RETRIES = "2" }
///
/// [routing]
/// min_runs = 5                     # past runs before the ledger's success rate counts
/// forbid = ["gpt-5-nano"]          # never route to these models
///
/// [routing.roles.review]
/// model = "claude-opus-4-5"        # pin to a model…
/// profile = "deep"                 # …or to a profile
/// forbid = ["glm-4.6"]
/// max_cost_usd = 0.50
/// fallback = "deep"                # profile to escalate to when a run fails
/// </code>
/// </summary>
public sealed class AgentDeckConfigReader(DiscoveryEnvironment environment)
{
    public IReadOnlyList<string> Paths => [environment.UserConfigPath, environment.ProjectConfigPath];

    public AgentDeckConfig Read(ICollection<DiscoveryWarning> warnings)
    {
        var profiles = new List<DiscoveredProfile>();
        var roles = new Dictionary<string, RolePolicy>(StringComparer.OrdinalIgnoreCase);
        var policy = RoutingPolicy.Default;
        foreach (var path in Paths.Distinct(StringComparer.Ordinal).Where(File.Exists))
        {
            if (TomlReading.Load(path, warnings) is not { } document)
            {
                continue;
            }

            var reading = new TomlReading(path, warnings);
            foreach (var profile in ReadProfiles(document.Root, reading))
            {
                profiles.RemoveAll(existing => string.Equals(existing.Name, profile.Name, StringComparison.OrdinalIgnoreCase));
                profiles.Add(profile);
            }

            policy = ReadRouting(document.Root, reading, policy, roles);
        }

        return new AgentDeckConfig(profiles, policy with { Roles = roles });
    }

    private static IEnumerable<DiscoveredProfile> ReadProfiles(TomlTable root, TomlReading reading)
    {
        if (reading.Table(root, "profiles") is not { } tables)
        {
            yield break;
        }

        foreach (var (name, value) in tables)
        {
            if (value is not TomlTable table)
            {
                reading.Warn(value, $"profiles.{name} must be a table such as [profiles.{name}]");
                continue;
            }

            var agentName = reading.String(table, "agent");
            if (!AgentKinds.TryParse(agentName, out var agent))
            {
                var at = table.TryGetChild("agent", out var agentValue) ? agentValue : table;
                reading.Warn(at, $"profile {name} needs agent = one of {string.Join(", ", AgentKinds.Names)}; profile skipped");
                continue;
            }

            var env = reading.StringTable(table, "env");
            yield return new DiscoveredProfile(name, name, agent, ProfileSource.AgentDeck, reading.Source, reading.String(table, "model"),
                new Dictionary<string, string>(), null, env.Keys.FirstOrDefault(SecretNames.IsSecret), IsCurrent: false)
            {
                Effort = reading.String(table, "effort"),
                ExtraArguments = reading.Strings(table, "args"),
                Environment = new SecretEnvironment(env),
            };
        }
    }

    private static RoutingPolicy ReadRouting(TomlTable root, TomlReading reading, RoutingPolicy policy, Dictionary<string, RolePolicy> roles)
    {
        if (reading.Table(root, "routing") is not { } routing)
        {
            return policy;
        }

        var minRuns = reading.Integer(routing, "min_runs");
        if (minRuns is < 1 && routing.TryGetChild("min_runs", out var minRunsValue))
        {
            reading.Warn(minRunsValue, "`min_runs` must be at least 1");
            minRuns = null;
        }

        var forbidden = routing.ContainsKey("forbid") ? reading.Strings(routing, "forbid") : policy.ForbiddenModels;
        if (reading.Table(routing, "roles") is { } roleTables)
        {
            foreach (var (role, value) in roleTables)
            {
                if (value is TomlTable table)
                {
                    roles[role] = ReadRole(role, table, reading);
                }
                else
                {
                    reading.Warn(value, $"routing.roles.{role} must be a table");
                }
            }
        }

        return policy with { MinCalibrationRuns = minRuns ?? policy.MinCalibrationRuns, ForbiddenModels = forbidden };
    }

    private static RolePolicy ReadRole(string role, TomlTable table, TomlReading reading)
    {
        var cap = reading.Decimal(table, "max_cost_usd");
        if (cap is < 0 && table.TryGetChild("max_cost_usd", out var capValue))
        {
            reading.Warn(capValue, "`max_cost_usd` cannot be negative; cap ignored");
            cap = null;
        }

        return new RolePolicy(
            role,
            PinnedModel: reading.String(table, "model"),
            PinnedProfile: reading.String(table, "profile"),
            ForbiddenModels: reading.Strings(table, "forbid"),
            MaxCostUsd: cap,
            FallbackProfile: reading.String(table, "fallback"));
    }
}
