using AgentDeck.Tui.Model;
using AgentDeck.Tui.Source;

namespace AgentDeck.Tui.Tests.Support;

/// <summary>Answers with fixed spends and records which runs the screen asked about.</summary>
public sealed class FakeSpendProbe : ILiveSpendProbe
{
    public Dictionary<string, WorkerSpend> Answers { get; } = new(StringComparer.Ordinal);
    public IReadOnlyCollection<string> Asked { get; private set; } = [];

    public IReadOnlyDictionary<string, WorkerSpend> Latest(IReadOnlyCollection<string> liveRunIds)
    {
        Asked = liveRunIds;
        return Answers;
    }
}
