using AgentDeck.Agents;
using AgentDeck.Core;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;

namespace AgentDeck.Cli.Common;

/// <summary>
/// Records the canned first lines of every agent (<see cref="ParserWarmUp"/>) into a throwaway ledger in a temporary
/// folder, raw log and commits included, so the supervisor host has compiled its whole record-and-commit path before
/// an adopted worker's first line comes: the first line after a cold spawn's hand-over is then not the JIT's.
/// </summary>
public static class RecordingWarmUp
{
    public static void Run()
    {
        var folder = Directory.CreateTempSubdirectory("agentdeck-warmup-");
        try
        {
            var paths = new AgentDeckPaths(folder.FullName);
            using var ledger = SqliteRunLedger.Open(paths);
            foreach (var agent in Enum.GetValues<AgentKind>())
            {
                var run = ledger.CreateRun(new NewRun(agent.ToName()) { Status = RunStatus.Starting }).Id;
                using var recorder = new RunRecorder(ledger, run, AgentParsers.Create(agent), paths);
                foreach (var line in ParserWarmUp.LinesOf(agent))
                {
                    recorder.AddStdoutLine(System.Text.Encoding.UTF8.GetBytes(line));
                }

                recorder.Flush();
                ledger.UpdateRun(run, new RunUpdate { Status = RunStatus.Running });
                recorder.Complete(0);
            }
        }
        catch (Exception)
        {
            // Only the compiled code matters: a warm-up that fails costs the first line some JIT, nothing else.
        }
        finally
        {
            try
            {
                folder.Delete(recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
