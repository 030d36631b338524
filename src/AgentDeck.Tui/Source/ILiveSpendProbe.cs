using AgentDeck.Tui.Model;

namespace AgentDeck.Tui.Source;

/// <summary>Asks live workers' supervisors what their cost guard counts; never blocks the screen's thread.</summary>
public interface ILiveSpendProbe
{
    /// <summary>
    /// The latest answers for <paramref name="liveRunIds"/> (the runs to keep asking from now on), by run id; the same
    /// dictionary instance comes back until an answer changes.
    /// </summary>
    IReadOnlyDictionary<string, WorkerSpend> Latest(IReadOnlyCollection<string> liveRunIds);
}
