using AgentDeck.Core.Routing;
using AgentDeck.Core.Runs;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Source;

namespace AgentDeck.Cli.Commands.Tui;

/// <summary>Adds the routing plan (worked out once when the screen opens) to every snapshot of the ledger.</summary>
public sealed class RoutedDeckSource(IDeckSource inner, RoutingPlan plan) : IDeckSource
{
    public DeckSnapshot Poll(DeckScope scope) => inner.Poll(scope) with { Routing = plan };

    public IReadOnlyList<StoredEvent> ReadEvents(string runId, long fromSeq) => inner.ReadEvents(runId, fromSeq);

    public void MarkRead(string runId) => inner.MarkRead(runId);
}
