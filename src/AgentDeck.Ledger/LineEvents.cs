using System.Text;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Ledger;

/// <summary>
/// Turns one raw line into at least one event, whatever the line or the parser does: a run's events always cover its
/// raw output line for line, and a parser that throws costs an <see cref="Unparsed"/> event, never the line.
/// </summary>
internal static class LineEvents
{
    public const string StderrSource = "stderr";

    public static void FromStdout(IAgentStreamParser parser, ReadOnlySpan<byte> line, List<AgentEvent> output)
    {
        var before = output.Count;
        try
        {
            parser.ParseLine(line, output);
        }
        catch (Exception error)
        {
            output.Add(new Unparsed(Encoding.UTF8.GetString(line), $"parser failed: {error.GetType().Name}: {error.Message}"));
        }

        if (output.Count == before)
        {
            output.Add(line.IsEmpty
                ? new ProtocolNote("blank_line")
                : new Unparsed(Encoding.UTF8.GetString(line), "parser produced no event"));
        }
    }

    /// <summary>Stderr is not protocol: each line is kept as a notice so screens can show it next to the events.</summary>
    public static AgentEvent FromStderr(ReadOnlySpan<byte> line) => new Notice("stderr", Encoding.UTF8.GetString(line), StderrSource);

    public static void Complete(IAgentStreamParser parser, int? exitCode, List<AgentEvent> output)
    {
        try
        {
            parser.Complete(exitCode, output);
        }
        catch (Exception error)
        {
            output.Add(new Notice("error", $"parser failed at end of stream: {error.GetType().Name}: {error.Message}", "agentdeck"));
        }
    }
}
