using System.Text.Json;
using AgentDeck.Core.Storage;
using AgentDeck.Core.Workers;

namespace AgentDeck.Supervision;

/// <summary>The launch a detached supervisor runs, kept as <c>launch.json</c> in the run folder.</summary>
public static class LaunchFile
{
    public static void Save(RunFiles files, WorkerLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(files);
        files.EnsurePrivateDirectory();
        OwnerOnly.WriteAllTextAtomically(files.Launch, JsonSerializer.Serialize(launch, SupervisionJsonContext.Default.WorkerLaunch));
    }

    public static WorkerLaunch Load(RunFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return JsonSerializer.Deserialize(File.ReadAllText(files.Launch), SupervisionJsonContext.Default.WorkerLaunch)
            ?? throw new InvalidDataException($"{files.Launch} holds no launch");
    }
}
