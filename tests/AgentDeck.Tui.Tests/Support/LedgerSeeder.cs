using AgentDeck.Agents;
using AgentDeck.Core;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;

namespace AgentDeck.Tui.Tests.Support;

/// <summary>Fills a real ledger with runs imported from the transcript fixtures (tests/fixtures/transcripts).</summary>
public static class LedgerSeeder
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "fixtures", name);

    public static RunRecord Import(IRunLedger ledger, AgentDeckPaths paths, AgentKind agent, string fixture, string? role, string? cwd, bool complete = true)
    {
        var run = ledger.CreateRun(new NewRun(agent.ToName()) { Role = role, Cwd = cwd, Prompt = "imported " + fixture, Status = RunStatus.Running });
        using (var recorder = new RunRecorder(ledger, run.Id, AgentParsers.Create(agent), paths))
        {
            foreach (var line in File.ReadLines(Fixture(fixture)))
            {
                recorder.AddStdoutLine(System.Text.Encoding.UTF8.GetBytes(line));
            }

            recorder.Flush();
            if (complete)
            {
                recorder.Complete(0);
            }
        }

        return ledger.FindRun(run.Id)!;
    }
}
