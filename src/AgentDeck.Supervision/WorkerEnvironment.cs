using System.Collections;

namespace AgentDeck.Supervision;

/// <summary>
/// The environment changes that give a worker the environment of the front end that asked for it, although the
/// process that starts it (the supervisor host) has its own: every variable of the host the front end lacks is
/// removed, every one of the front end's is set, and the driver's own settings (a profile's) win over both.
/// </summary>
public static class WorkerEnvironment
{
    public static IReadOnlyDictionary<string, string?> Compose(
        IReadOnlyDictionary<string, string>? frontEnd, IReadOnlyDictionary<string, string?> driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        if (frontEnd is null)
        {
            return driver;
        }

        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string name && !frontEnd.ContainsKey(name))
            {
                changes[name] = null;
            }
        }

        foreach (var (name, value) in frontEnd)
        {
            changes[name] = value;
        }

        foreach (var (name, value) in driver)
        {
            changes[name] = value;
        }

        return changes;
    }
}
