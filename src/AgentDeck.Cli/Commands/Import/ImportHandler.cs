using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;
using AgentDeck.Core.Runs;
using AgentDeck.Ledger;

namespace AgentDeck.Cli.Commands.Import;

/// <summary>Streams a transcript through the run recorder: raw log, parsed events and the run's tally, as a live run would.</summary>
public sealed class ImportHandler(CliContext context)
{
    private const int LinesToScanForSession = 64;

    public int Run(AgentKind agent, string file, int? exitCode, string? role)
    {
        var content = ReadAll(file);
        var session = FirstSession(agent, content);
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

    private SessionStarted? FirstSession(AgentKind agent, byte[] content)
    {
        var parser = context.CreateParser(agent, baseline: null);
        var events = new List<AgentEvent>();
        using var reader = new StreamLineReader(new MemoryStream(content));
        for (var scanned = 0; scanned < LinesToScanForSession && reader.TryReadLine(out var line); scanned++)
        {
            parser.ParseLine(line.Span, events);
            if (events.OfType<SessionStarted>().FirstOrDefault() is { } session)
            {
                return session;
            }
        }

        return null;
    }
}
