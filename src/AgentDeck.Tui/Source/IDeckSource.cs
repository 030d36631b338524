using AgentDeck.Core.Runs;
using AgentDeck.Tui.Model;

namespace AgentDeck.Tui.Source;

/// <summary>
/// Where the screen's data comes from. The screen owns no worker: it reads snapshots, so any number of screens
/// open at once show the same state. Called from the screen's one thread.
/// </summary>
public interface IDeckSource
{
    /// <summary>Reads what changed since the last call and returns the current state.</summary>
    DeckSnapshot Poll(DeckScope scope);

    /// <summary>A run's stored events with seq ≥ <paramref name="fromSeq"/>, in order (the focused view's transcript).</summary>
    IReadOnlyList<StoredEvent> ReadEvents(string runId, long fromSeq);

    /// <summary>The person has seen the run's latest events (clears its unread marker).</summary>
    void MarkRead(string runId);
}
