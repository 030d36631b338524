using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Parsing;
using AgentDeck.Core.Runs;
using AgentDeck.Ledger;

namespace AgentDeck.Cli.Commands.Import;

/// <summary>Streams a transcript through the run recorder: raw log, parsed events and the run's tally, as a live run would.</summary>
public sealed class ImportHandler(CliContext context)
{
    public int Run(AgentKind agent, string file, int? exitCode, string? role)
    {
        var content = ReadAll(file);
        var probe = TranscriptProbe.Of(context.CreateParser(agent, baseline: null), content);
        var name = file == "-" ? "standard input" : file;
        if (!probe.HasLines)
        {
            throw new CliException($"{name} is empty: nothing to import; pass a transcript of {agent.ToName()}'s JSON output");
        }

        if (!probe.HasAgentLines)
        {
            throw new CliException(
                $"{name} has no line of {agent.ToName()}'s output format: nothing imported; pass a transcript {agent.ToName()} printed, or the --agent that printed it");
        }

        var session = probe.Session;
        var ledger = context.OpenLedger();
        var baseline = SessionBaselines.Find(ledger, session?.SessionId);
        var run = ledger.CreateRun(new NewRun(agent.ToName())
        {
            Role = role,
            Model = session?.Model,
            Cwd = session?.Cwd ?? context.Console.CurrentDirectory,
            Prompt = null,
            Status = RunStatus.Running,
            SessionId = session?.SessionId,
        });

        using (var recorder = new RunRecorder(ledger, run.Id, context.CreateParser(agent, baseline), context.Paths,
                   new RunRecorderOptions { Prices = context.Prices }))
        {
            using var reader = new StreamLineReader(new MemoryStream(content));
            while (reader.TryReadLine(out var line))
            {
                recorder.AddStdoutLine(line.Span);
            }

            recorder.Complete(exitCode);
        }

        context.Console.Out.WriteLine(run.Id);
        return ExitCodes.Ok;
    }

    private byte[] ReadAll(string file)
    {
        using var input = InputFiles.Open(file, context.Console);
        using var copy = new MemoryStream();
        input.CopyTo(copy);
        return copy.ToArray();
    }
}
