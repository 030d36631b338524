using System.Text;
using AgentDeck.Core;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Workers;

namespace AgentDeck.Supervision.Tests.Support;

/// <summary>The word protocol's driver, except that the line "boom" makes it throw (a bug inside one worker's supervision).</summary>
internal sealed class ThrowingDriver(ProcessSpec spec) : IAgentDriver
{
    private readonly FakeDriver _inner = new(spec);

    public AgentKind Agent => _inner.Agent;

    public ProcessSpec Spec => _inner.Spec;

    public bool IsLive => _inner.IsLive;

    public bool TurnFinished => _inner.TurnFinished;

    public IReadOnlyList<string> OnStarted() => _inner.OnStarted();

    public IReadOnlyList<string> OnStdoutLine(ReadOnlySpan<byte> line) =>
        Encoding.UTF8.GetString(line) == "boom" ? throw new InvalidOperationException("driver bug") : _inner.OnStdoutLine(line);

    public SteerPlan Steer(string message) => _inner.Steer(message);

    public IReadOnlyList<string>? Interrupt() => _inner.Interrupt();
}
