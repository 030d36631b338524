using System.Text.Json;
using AgentDeck.Core.Workers;

namespace AgentDeck.Supervision;

/// <summary>The launch a detached supervisor runs, kept as <c>launch.json</c> in the run folder.</summary>
public static class LaunchFile
{
    public static void Save(RunFiles files, WorkerLaunch launch)
    {
        ArgumentNullException.ThrowIfNull(files);
        files.EnsurePrivateDirectory();
        var temporary = files.Launch + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(launch, SupervisionJsonContext.Default.WorkerLaunch));
        // A profile's environment may carry credentials: only the owner may read the launch.
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, files.Launch, overwrite: true);
    }

    public static WorkerLaunch Load(RunFiles files)
    {
        ArgumentNullException.ThrowIfNull(files);
        return JsonSerializer.Deserialize(File.ReadAllText(files.Launch), SupervisionJsonContext.Default.WorkerLaunch)
            ?? throw new InvalidDataException($"{files.Launch} holds no launch");
    }
}
