using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Parsing;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;

namespace AgentDeck.Cli.Commands.Demo;

/// <summary>Replays the bundled transcripts through the same recorder a live worker uses, then prints the ledger.</summary>
public sealed class DemoHandler(CliContext context)
{
    public int Run(string? stateDirectory, bool openScreen)
    {
        var state = stateDirectory is { } chosen
            ? Path.GetFullPath(chosen, context.Console.CurrentDirectory)
            : Directory.CreateTempSubdirectory("agentdeck-demo-").FullName;
        var paths = new AgentDeckPaths(state);
        var output = context.Console.Out;
        output.WriteLine($"AgentDeck demo — a scratch ledger in {state}");
        output.WriteLine("Recording real transcripts of Claude Code, Codex, Gemini and OpenCode as runs...");
        output.WriteLine();

        using var ledger = SqliteRunLedger.Open(paths);
        var ids = new List<string>();
        foreach (var sample in DemoTranscripts.All)
        {
            ids.Add(Record(ledger, paths, sample));
        }

        var runs = ledger.ListRuns(new RunQuery { Limit = ids.Count });
        RunTable.Write(output, runs, DateTimeOffset.UtcNow);
        output.WriteLine();
        foreach (var run in runs.Where(r => r.ToolCalls > 0 || r.Status != RunStatus.Succeeded).Take(3))
        {
            output.WriteLine($"── {run.Id}  {run.Agent} {run.Role}: {RunFormat.Status(run, run.FailureReason)}");
            output.WriteLine($"   tokens {RunFormat.Tokens(run.Tokens)}, {RunFormat.CostLabel(run)}, {run.ToolCalls} tool call(s), files: {(run.FilesTouched.Count == 0 ? "-" : string.Join(", ", run.FilesTouched))}");
            output.WriteLine($"   {RunFormat.Excerpt(run.FinalText ?? "(no final text)", 100)}");
        }

        output.WriteLine();
        output.WriteLine($"Explore it: AGENTDECK_HOME={state} agentdeck [runs | show RUN | events RUN]");
        if (!openScreen)
        {
            return ExitCodes.Ok;
        }

        var environment = new Dictionary<string, string>(context.Console.Environment) { ["AGENTDECK_HOME"] = state };
        var console = new CliConsole(context.Console.Out, context.Console.Error, context.Console.OpenInput, environment, context.Console.CurrentDirectory);
        return new Tui.TuiHandler(new CliContext(console)).Run(theme: null, showAll: true, readOnly: false);
    }

    private string Record(SqliteRunLedger ledger, AgentDeckPaths paths, DemoTranscript sample)
    {
        var run = ledger.CreateRun(new NewRun(sample.Agent.ToName()) { Role = sample.Role, Status = RunStatus.Running, Prompt = sample.Prompt });
        using var recorder = new RunRecorder(ledger, run.Id, context.CreateParser(sample.Agent, null), paths,
            new RunRecorderOptions { Prices = context.Prices });
        using var reader = new StreamLineReader(DemoTranscripts.Open(sample));
        while (reader.TryReadLine(out var line))
        {
            recorder.AddStdoutLine(line.Span);
        }

        recorder.Complete(sample.ExitCode);
        return run.Id;
    }
}
