using System.Globalization;
using System.Text;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Supervision.Tests.Support;

/// <summary>A tiny line protocol for tests: "turn", "text HI", "tool ID", "perm ID", "done", "cost 0.5"; anything else is unparsed.</summary>
internal sealed class WordParser : IAgentStreamParser
{
    public AgentKind Agent => AgentKind.Claude;

    public void ParseLine(ReadOnlySpan<byte> line, ICollection<AgentEvent> output)
    {
        var text = Encoding.UTF8.GetString(line);
        var (word, rest) = text.IndexOf(' ') is var space and > 0 ? (text[..space], text[(space + 1)..]) : (text, "");
        output.Add(word switch
        {
            "turn" => new TurnStarted(null),
            "text" => new AssistantText(rest, false),
            "tool" => new ToolCallStarted(rest, "Bash", "", []),
            "perm" => new PermissionRequested(rest, "Bash", ""),
            "done" => new TurnCompleted(TurnOutcome.Succeeded, "final", null),
            "retry" => new ApiRetry(int.Parse(rest, CultureInfo.InvariantCulture), 10, 401, "authentication_failed", 500),
            "cost" => new CostReported(decimal.Parse(rest, CultureInfo.InvariantCulture), null),
            _ => new Unparsed(text, "not a word"),
        });
    }

    public void Complete(int? exitCode, ICollection<AgentEvent> output)
    {
    }
}
