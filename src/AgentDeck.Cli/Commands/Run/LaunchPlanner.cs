using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Routing;
using AgentDeck.Core.Workers;
using AgentDeck.Discovery;
using AgentDeck.Discovery.Profiles;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>
/// Turns what a person asked for into a worker launch: the role comes from the role catalogue (shipped roles.yaml plus
/// the user's own), its persona is appended to the agent's system prompt, and a named profile is applied to this
/// worker alone through environment and flags (the user's own agent config files are never rewritten).
/// </summary>
public sealed class LaunchPlanner(CliContext context)
{
    private AgentDeckDiscovery? _discovery;

    public AgentDeckDiscovery Discovery => _discovery ??= context.Discover();

    public IReadOnlyList<RoleDefinition> Roles => Discovery.Catalogs.Roles;

    /// <summary>The catalogue's role of that name, or a usage error listing the known roles.</summary>
    public RoleDefinition? Role(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        return Roles.FirstOrDefault(r => string.Equals(r.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
               ?? throw CliException.Usage($"unknown role '{name}': use one of {string.Join(", ", Roles.Select(r => r.Name))}");
    }

    /// <summary>The profile's environment and flags for this agent, or a usage error listing the agent's known profiles.</summary>
    public ProfileApplication? Profile(AgentKind agent, string? name, string? model)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var profiles = Discovery.Profiles;
        var profile = profiles.Find(name.Trim(), agent);
        if (profile is null)
        {
            var known = profiles.For(agent).Select(p => p.Name).ToList();
            throw CliException.Usage(known.Count == 0
                ? $"unknown profile '{name}': no {agent.ToName()} profiles were found; list them with 'agentdeck profiles'"
                : $"unknown profile '{name}' for {agent.ToName()}: use one of {string.Join(", ", known)}");
        }

        return ProfileApplier.Apply(profile, model);
    }

    /// <summary>
    /// The model a run will use: the one asked for, else the one its profile names (null when neither says), so the
    /// ledger knows the model even for agents whose output never names it (Codex).
    /// </summary>
    public string? ModelFor(AgentKind agent, string? model, string? profileName) =>
        model ?? (string.IsNullOrWhiteSpace(profileName) ? null : Discovery.Profiles.Find(profileName.Trim(), agent)?.Model);

    public WorkerLaunch Plan(string runId, AgentKind agent, string prompt, string cwd, string? roleName, string? model, string? profileName, bool write)
    {
        var role = Role(roleName);
        var profile = Profile(agent, profileName, model);
        var launch = new WorkerLaunch(runId, agent, prompt, cwd)
        {
            Role = role?.Name,
            Persona = string.IsNullOrWhiteSpace(role?.Persona) ? null : role.Persona.Trim(),
            Model = model,
            Profile = profileName,
            Write = write,
            Environment = profile?.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value) ?? new Dictionary<string, string?>(),
            ExtraArguments = profile?.Arguments ?? [],
            SecretVariables = profile?.SecretNames.Order(StringComparer.Ordinal).ToList() ?? [],
        };
        return launch with { Fallback = Fallback(launch) };
    }

    /// <summary>
    /// The child launch the role's escalation policy names (<c>[routing.roles.R] fallback = "deep"</c>): same prompt,
    /// role, folder and permission, on the fallback profile's agent and model. Null when the role names none, the
    /// profile is unknown, or this launch already runs on it.
    /// </summary>
    public WorkerLaunch? Fallback(WorkerLaunch launch)
    {
        if (launch.Role is null || Discovery.Config.Policy.For(launch.Role).FallbackProfile is not { } name
            || string.Equals(name, launch.Profile, StringComparison.OrdinalIgnoreCase)
            || Discovery.Profiles.Find(name) is not { } profile)
        {
            return null;
        }

        var application = ProfileApplier.Apply(profile);
        return launch with
        {
            RunId = string.Empty,
            Agent = profile.Agent,
            Model = profile.Model,
            Profile = profile.Name,
            Environment = application.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value),
            ExtraArguments = application.Arguments,
            SecretVariables = application.SecretNames.Order(StringComparer.Ordinal).ToList(),
            Fallback = null,
        };
    }
}
