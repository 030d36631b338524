namespace AgentDeck.Processes;

/// <summary>Reads Linux's /proc to find the members of a process group and their states.</summary>
internal static class ProcessTable
{
    private const string ProcRoot = "/proc";

    /// <summary>A process as /proc/&lt;pid&gt;/stat describes it.</summary>
    public readonly record struct Entry(int Pid, char State, int ParentPid, int ProcessGroupId, int SessionId)
    {
        public bool IsZombie => State is 'Z' or 'X' or 'x';
    }

    /// <summary>The start time (clock ticks since boot) of a live, non-zombie process; null when there is none.</summary>
    public static long? StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"{ProcRoot}/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 && fields[0] is not ("Z" or "X") && long.TryParse(fields[19], out var ticks) ? ticks : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static bool HasLiveMembers(int processGroupId) =>
        All().Any(e => e.ProcessGroupId == processGroupId && !e.IsZombie);

    public static IEnumerable<Entry> All()
    {
        foreach (var directory in Directory.EnumerateDirectories(ProcRoot))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && TryRead(pid, out var entry))
            {
                yield return entry;
            }
        }
    }

    public static bool TryRead(int pid, out Entry entry)
    {
        entry = default;
        string stat;
        try
        {
            stat = File.ReadAllText($"{ProcRoot}/{pid}/stat");
        }
        catch (IOException)
        {
            return false; // the process went away between listing and reading
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses, so split after the last ')'.
        var afterName = stat.LastIndexOf(')');
        if (afterName < 0)
        {
            return false;
        }

        var fields = stat[(afterName + 2)..].Split(' ', 5);
        if (fields.Length < 4 || fields[0].Length != 1)
        {
            return false;
        }

        entry = new Entry(pid, fields[0][0], int.Parse(fields[1]), int.Parse(fields[2]), int.Parse(fields[3]));
        return true;
    }
}
