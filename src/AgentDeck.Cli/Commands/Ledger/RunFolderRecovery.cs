using System.Globalization;
using System.Text.Json;
using AgentDeck.Core;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Core.Workers;
using AgentDeck.Ledger;
using AgentDeck.Supervision;

namespace AgentDeck.Cli.Commands.Ledger;

/// <summary>
/// Puts back into the ledger a run it has lost (a corrupt ledger moved aside) from the run's folder: the agent, prompt,
/// cwd, role, model and profile from <c>launch.json</c>, the start and end times from the files' write times, the exit
/// code from <c>exit.status</c> when the worker's waiter wrote one. The events then come from a rebuild of the raw logs.
/// </summary>
public sealed class RunFolderRecovery(SqliteRunLedger ledger, AgentDeckPaths paths)
{
    /// <summary>The run recreated, or why it cannot be (a one-line reason naming the fix).</summary>
    public (RunRecord? Run, string? Problem) Recreate(string runId)
    {
        var files = new RunFiles(paths, runId);
        if (!File.Exists(files.Launch))
        {
            return (null, $"no {RunFiles.LaunchName}, so its agent is unknown; record it with 'agentdeck import --agent AGENT {paths.StdoutLog(runId)}'");
        }

        WorkerLaunch launch;
        try
        {
            launch = LaunchFile.Load(files);
        }
        catch (Exception error) when (error is JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return (null, $"its {RunFiles.LaunchName} cannot be read ({error.Message}); record it with 'agentdeck import --agent AGENT {paths.StdoutLog(runId)}'");
        }

        var created = ledger.CreateRun(new NewRun(launch.Agent.ToName())
        {
            Id = runId,
            Role = launch.Role,
            Model = launch.Model,
            Profile = launch.Profile,
            Cwd = launch.WorkingDirectory,
            Prompt = launch.Prompt,
            Status = RunStatus.Running,
            StartedAt = File.GetLastWriteTimeUtc(files.Launch),
        });
        return (ledger.UpdateRun(runId, new RunUpdate { EndedAt = LastWrite(runId), ExitCode = ExitCode(files) }), null);
    }

    private DateTimeOffset LastWrite(string runId) =>
        new[] { paths.StdoutLog(runId), paths.StderrLog(runId) }.Where(File.Exists).Select(File.GetLastWriteTimeUtc).Max();

    private static int? ExitCode(RunFiles files)
    {
        try
        {
            return File.Exists(files.ExitStatus)
                   && int.TryParse(File.ReadAllText(files.ExitStatus).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code)
                ? code
                : null;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
