using System.Text;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Agents.Tests.Support;

/// <summary>Feeds hand-written lines (for shapes the recorded runs do not contain) through a parser.</summary>
internal static class Lines
{
    public static ParsedRun Parse(IAgentStreamParser parser, int? exitCode, params string[] lines) =>
        Transcript.Parse(parser, lines.Select(l => Encoding.UTF8.GetBytes(l)).ToArray(), exitCode);

    public static List<AgentEvent> One(IAgentStreamParser parser, string line)
    {
        var events = new List<AgentEvent>();
        parser.ParseLine(Encoding.UTF8.GetBytes(line), events);
        return events;
    }
}
