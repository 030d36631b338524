namespace AgentDeck.EndToEnd.Tests;

/// <summary>The live (non-zombie) processes of a process group or session, read from /proc.</summary>
public static class ProcessGroups
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static IReadOnlyList<int> LiveMembers(int group) => Live(fields => int.Parse(fields[2]) == group);

    public static IReadOnlyList<int> LiveInSession(int session) => Live(fields => int.Parse(fields[3]) == session);

    /// <summary>Every live descendant of the process (children of children included), with its command line.</summary>
    public static IReadOnlyList<(int Pid, string CommandLine)> Descendants(int root)
    {
        var byParent = Live(_ => true).Select(pid => (Pid: pid, Parent: ParentOf(pid))).ToLookup(p => p.Parent, p => p.Pid);
        var found = new List<(int, string)>();
        var pending = new Stack<int>([root]);
        while (pending.Count > 0)
        {
            foreach (var child in byParent[pending.Pop()])
            {
                found.Add((child, CommandLine(child)));
                pending.Push(child);
            }
        }

        return found;
    }

    public static bool IsAlive(int pid) => Live(_ => true).Contains(pid);

    private static int ParentOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>True once the group has no live member (false when it still has one after a minute).</summary>
    public static async Task<bool> EndsAsync(int group)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (LiveMembers(group).Count == 0)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static List<int> Live(Func<string[], bool> matches)
    {
        var live = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (IOException)
            {
                continue;
            }

            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] is not ("Z" or "X") && matches(fields))
            {
                live.Add(pid);
            }
        }

        return live;
    }
}
