using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Agents.Tests.Support;

/// <summary>A parsed transcript: the events of each line, those of Complete, and the run's tally.</summary>
internal sealed record ParsedRun(IReadOnlyList<byte[]> Lines, IReadOnlyList<List<AgentEvent>> PerLine, IReadOnlyList<AgentEvent> AtEnd)
{
    public IReadOnlyList<AgentEvent> Events => [.. PerLine.SelectMany(e => e), .. AtEnd];

    public IEnumerable<T> Of<T>() where T : AgentEvent => Events.OfType<T>();

    public T Single<T>() where T : AgentEvent => Assert.Single(Of<T>());

    public RunTally Tally()
    {
        var tally = new RunTally();
        foreach (var e in Events)
        {
            tally.Apply(e);
        }

        return tally;
    }
}
