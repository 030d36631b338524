using System.Text;
using AgentDeck.Core;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Workers;

namespace AgentDeck.Supervision.Tests.Support;

/// <summary>A driver for the word protocol: sends "go" at start, "steer: M" to steer, "interrupt" to interrupt; the turn ends at "done".</summary>
internal sealed class FakeDriver(ProcessSpec spec, bool live = true) : IAgentDriver
{
    public AgentKind Agent => AgentKind.Claude;

    public ProcessSpec Spec { get; } = spec;

    public bool IsLive => live;

    public bool TurnFinished { get; private set; }

    public List<string> SeenLines { get; } = [];

    public IReadOnlyList<string> OnStarted() => Spec.Stdin == StdinMode.Pipe ? ["go"] : [];

    public IReadOnlyList<string> OnStdoutLine(ReadOnlySpan<byte> line)
    {
        var text = Encoding.UTF8.GetString(line);
        SeenLines.Add(text);
        if (text == "turn")
        {
            TurnFinished = false;
        }
        else if (text == "done")
        {
            TurnFinished = true;
        }

        return text.StartsWith("perm ", StringComparison.Ordinal) ? ["allow " + text[5..]] : [];
    }

    public SteerPlan Steer(string message) => live ? SteerPlan.Live("steer: " + message) : SteerPlan.AfterTurn;

    public IReadOnlyList<string>? Interrupt() => live ? ["interrupt"] : null;
}
