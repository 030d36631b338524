using System.Globalization;
using System.Text;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Ledger.Tests.Support;

/// <summary>
/// A tiny line protocol for ledger tests: <c>session:ID</c>, <c>turn</c>, <c>text:T</c>, <c>tool:ID:PATH</c> (two
/// events), <c>usage:IN:OUT</c>, <c>cost:USD</c>, <c>done</c>, <c>fail:REASON</c>, <c>throw</c>, <c>silent</c>
/// (no event); anything else is unparsed. Complete closes an open turn as failed.
/// </summary>
internal sealed class FakeParser(AgentKind agent = AgentKind.Claude) : IAgentStreamParser
{
    private bool _turnOpen;

    public AgentKind Agent { get; } = agent;

    public int CompleteCalls { get; private set; }

    public void ParseLine(ReadOnlySpan<byte> line, ICollection<AgentEvent> output)
    {
        var text = Encoding.UTF8.GetString(line);
        var parts = text.Split(':');
        switch (parts[0])
        {
            case "session":
                output.Add(new SessionStarted(parts[1], "fake-model", null, []));
                break;
            case "turn":
                _turnOpen = true;
                output.Add(new TurnStarted(null));
                break;
            case "text":
                output.Add(new AssistantText(text["text:".Length..], IsDelta: false));
                break;
            case "tool":
                output.Add(new ToolCallStarted(parts[1], "Write", parts[2], [parts[2]]));
                output.Add(new ToolCallFinished(parts[1], "Write", "ok", false, [parts[2]]));
                break;
            case "usage":
                output.Add(new UsageReported(new TokenUsage(long.Parse(parts[1], CultureInfo.InvariantCulture), 0, 0, long.Parse(parts[2], CultureInfo.InvariantCulture), 0), null));
                break;
            case "cost":
                output.Add(new CostReported(decimal.Parse(parts[1], CultureInfo.InvariantCulture), null));
                break;
            case "done":
                _turnOpen = false;
                output.Add(new TurnCompleted(TurnOutcome.Succeeded, null, null));
                break;
            case "fail":
                _turnOpen = false;
                output.Add(new TurnCompleted(TurnOutcome.Failed, null, parts[1]));
                break;
            case "throw":
                throw new FormatException("boom");
            case "" or "silent":
                break;
            default:
                output.Add(new Unparsed(text, "not fake protocol"));
                break;
        }
    }

    public void Complete(int? exitCode, ICollection<AgentEvent> output)
    {
        CompleteCalls++;
        if (_turnOpen)
        {
            _turnOpen = false;
            output.Add(new TurnCompleted(TurnOutcome.Failed, null, FailureReasons.Crash));
        }
    }
}
