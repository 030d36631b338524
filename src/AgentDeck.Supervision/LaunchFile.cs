using System.Text.Json;
using AgentDeck.Core.Storage;
using AgentDeck.Core.Workers;

namespace AgentDeck.Supervision;

/// <summary>
/// The launch a detached supervisor runs, kept as <c>launch.json</c> in the run folder (0600). A profile's tokens are
/// in it only until the agent has started; <see cref="RemoveSecrets"/> rewrites it without their values.
/// </summary>
public static class LaunchFile
{
    public static void Save(RunFiles files, WorkerLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(files);
        files.EnsurePrivateDirectory();
        OwnerOnly.WriteAllTextAtomically(files.Launch, JsonSerializer.Serialize(launch, SupervisionJsonContext.Default.WorkerLaunch));
    }

    /// <summary>Rewrites the run's launch without secret values; nothing to do when it has none (or there is no file).</summary>
    public static void RemoveSecrets(RunFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (!File.Exists(files.Launch))
        {
            return;
        }

        var launch = Load(files);
        if (launch.HasSecretValues)
        {
            OwnerOnly.WriteAllTextAtomically(files.Launch, JsonSerializer.Serialize(launch.WithoutSecrets(), SupervisionJsonContext.Default.WorkerLaunch));
        }
    }

    public static WorkerLaunch Load(RunFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return JsonSerializer.Deserialize(File.ReadAllText(files.Launch), SupervisionJsonContext.Default.WorkerLaunch)
            ?? throw new InvalidDataException($"{files.Launch} holds no launch");
    }
}
