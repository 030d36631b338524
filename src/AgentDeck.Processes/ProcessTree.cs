namespace AgentDeck.Processes;

/// <summary>
/// Everything a worker started, including what left its process group (a tool run in a session of its own): the
/// members of the worker's group and every descendant of its waiter, each known by pid and start time so that a pid
/// reused later is never signalled. Collected before signalling, since a process whose parent died is re-parented
/// away from the tree.
/// </summary>
public sealed class ProcessTree(int rootPid)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, long> _known = [];

    /// <summary>Adds the live members of the group and the descendants of the root to what is known.</summary>
    public void Collect()
    {
        var entries = ProcessTable.All().Where(e => !e.IsZombie).ToList();
        var children = entries.ToLookup(e => e.ParentPid);
        var found = new List<int>();
        var pending = new Stack<int>([rootPid]);
        while (pending.Count > 0)
        {
            foreach (var child in children[pending.Pop()])
            {
                found.Add(child.Pid);
                pending.Push(child.Pid);
            }
        }

        found.AddRange(entries.Where(e => e.ProcessGroupId == rootPid).Select(e => e.Pid));
        lock (_gate)
        {
            foreach (var pid in found)
            {
                if (!_known.ContainsKey(pid) && ProcessTable.StartTicks(pid) is { } ticks)
                {
                    _known[pid] = ticks;
                }
            }
        }
    }

    /// <summary>Sends the signal to every known process outside the root's group that is still the same process; returns how many got it.</summary>
    public int SignalEscaped(Core.Processes.ProcessSignal signal)
    {
        KeyValuePair<int, long>[] known;
        lock (_gate)
        {
            known = [.. _known];
        }

        var sent = 0;
        foreach (var (pid, ticks) in known)
        {
            if (pid > 1 && ProcessTable.TryRead(pid, out var entry) && entry.ProcessGroupId != rootPid && ProcessTable.StartTicks(pid) == ticks
                && Posix.Send(pid, signal, group: false))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>SIGKILL to the root's group and to everything else it started; true when any process got it.</summary>
    public bool KillAll()
    {
        Collect();
        var sent = Posix.Send(rootPid, Core.Processes.ProcessSignal.Kill, group: true);
        return SignalEscaped(Core.Processes.ProcessSignal.Kill) > 0 || sent;
    }

    /// <summary>True while a known process outside the root's group is still alive.</summary>
    public bool HasLiveEscaped
    {
        get
        {
            lock (_gate)
            {
                return _known.Any(p => ProcessTable.TryRead(p.Key, out var e) && !e.IsZombie && e.ProcessGroupId != rootPid && ProcessTable.StartTicks(p.Key) == p.Value);
            }
        }
    }
}
