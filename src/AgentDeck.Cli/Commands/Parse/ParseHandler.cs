using System.Text;
using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Cli.Commands.Parse;

/// <summary>Streams a transcript through the agent's parser and prints each event with the line it came from.</summary>
public sealed class ParseHandler(CliContext context)
{
    public int Run(AgentKind agent, string file, int? exitCode)
    {
        var parser = context.CreateParser(agent, baseline: null);
        var output = context.Console.Out;
        var events = new List<AgentEvent>();
        var lineNumber = 0;
        using (var input = InputFiles.Open(file, context.Console))
        using (var reader = new StreamLineReader(input))
        {
            while (reader.TryReadLine(out var line))
            {
                lineNumber++;
                events.Clear();
                parser.ParseLine(line.Span, events);
                Write(output, lineNumber, events);
            }
        }

        events.Clear();
        parser.Complete(exitCode, events);
        Write(output, null, events);
        output.Flush();
        return ExitCodes.Ok;
    }

    private static void Write(TextWriter output, int? lineNumber, List<AgentEvent> events)
    {
        foreach (var e in events)
        {
            var json = EventJson.Serialize(e);
            output.Write(lineNumber is { } n ? $"{{\"line\":{n}," : "{\"line\":null,");
            output.Write(json.AsSpan(1));
            output.Write('\n');
        }
    }
}
