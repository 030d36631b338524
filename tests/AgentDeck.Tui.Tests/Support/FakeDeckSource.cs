using AgentDeck.Core.Runs;
using AgentDeck.Tui.Model;
using AgentDeck.Tui.Source;

namespace AgentDeck.Tui.Tests.Support;

/// <summary>A deck source that returns a given snapshot and transcripts, and records what the screen asked for.</summary>
public sealed class FakeDeckSource(DeckSnapshot snapshot) : IDeckSource
{
    public DeckSnapshot Snapshot { get; set; } = snapshot;
    public Dictionary<string, IReadOnlyList<StoredEvent>> Transcripts { get; } = new();
    public List<string> MarkedRead { get; } = [];
    public List<DeckScope> Polls { get; } = [];

    public DeckSnapshot Poll(DeckScope scope)
    {
        Polls.Add(scope);
        return Snapshot;
    }

    public IReadOnlyList<StoredEvent> ReadEvents(string runId, long fromSeq) =>
        Transcripts.TryGetValue(runId, out var events) ? events.Where(e => e.Seq >= fromSeq).ToList() : [];

    public void MarkRead(string runId) => MarkedRead.Add(runId);
}
