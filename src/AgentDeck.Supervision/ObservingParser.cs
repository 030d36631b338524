using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Supervision;

/// <summary>Passes every event the inner parser makes to an observer too, so the recorder's one parse feeds both.</summary>
internal sealed class ObservingParser(IAgentStreamParser inner, Action<AgentEvent> observe) : IAgentStreamParser
{
    public AgentKind Agent => inner.Agent;

    public void ParseLine(ReadOnlySpan<byte> line, ICollection<AgentEvent> output)
    {
        var before = output.Count;
        inner.ParseLine(line, output);
        Observe(output, before);
    }

    public void Complete(int? exitCode, ICollection<AgentEvent> output)
    {
        var before = output.Count;
        inner.Complete(exitCode, output);
        Observe(output, before);
    }

    private void Observe(ICollection<AgentEvent> output, int skip)
    {
        foreach (var e in output.Skip(skip))
        {
            observe(e);
        }
    }
}
