using AgentDeck.Core.Runs;

namespace AgentDeck.Tui.Source;

/// <summary>
/// What a run list looked like at the last poll (each run's id, update time and event count, and the scope), kept
/// as values rather than one joined string per poll, so telling "something changed" costs no garbage.
/// </summary>
internal sealed class RunListSignature
{
    private readonly List<(string Id, long UpdatedTicks, long EventCount)> _runs = [];
    private string? _scopeLabel;

    /// <summary>Takes the new list in; true when it differs from the last one.</summary>
    public bool Update(IReadOnlyList<RunRecord> runs, string scopeLabel)
    {
        var changed = _scopeLabel != scopeLabel || _runs.Count != runs.Count;
        if (!changed)
        {
            for (var i = 0; i < runs.Count; i++)
            {
                var (id, updated, events) = _runs[i];
                if (updated != runs[i].UpdatedAt.UtcTicks || events != runs[i].EventCount || !string.Equals(id, runs[i].Id, StringComparison.Ordinal))
                {
                    changed = true;
                    break;
                }
            }
        }

        if (changed)
        {
            _scopeLabel = scopeLabel;
            _runs.Clear();
            foreach (var run in runs)
            {
                _runs.Add((run.Id, run.UpdatedAt.UtcTicks, run.EventCount));
            }
        }

        return changed;
    }
}
