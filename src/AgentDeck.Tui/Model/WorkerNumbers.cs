namespace AgentDeck.Tui.Model;

/// <summary>
/// The number each worker is shown and jumped to by, fixed the first time the screen sees it: the workers on the
/// first snapshot are numbered in the order shown, and a worker that appears later takes the next number, so
/// spawning never renumbers the others while the screen is open.
/// </summary>
public sealed class WorkerNumbers
{
    private readonly Dictionary<string, int> _byRun = new(StringComparer.Ordinal);
    private IReadOnlyList<WorkerView>? _source;
    private IReadOnlyList<WorkerView> _numbered = [];

    /// <summary>The workers with their numbers set (the same list back when the source list has not changed).</summary>
    public IReadOnlyList<WorkerView> Number(IReadOnlyList<WorkerView> workers)
    {
        if (ReferenceEquals(workers, _source))
        {
            return _numbered;
        }

        var numbered = new WorkerView[workers.Count];
        for (var i = 0; i < workers.Count; i++)
        {
            var worker = workers[i];
            if (!_byRun.TryGetValue(worker.Run.Id, out var number))
            {
                number = _byRun.Count + 1;
                _byRun[worker.Run.Id] = number;
            }

            numbered[i] = worker.Number == number ? worker : worker with { Number = number };
        }

        _source = workers;
        _numbered = numbered;
        return numbered;
    }
}
