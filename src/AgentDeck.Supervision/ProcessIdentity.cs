using System.Globalization;

namespace AgentDeck.Supervision;

/// <summary>
/// Tells a live process from a dead one whose pid was reused: a pid plus its start time (clock ticks since boot, field
/// 22 of <c>/proc/PID/stat</c>) names one process for the life of the machine.
/// </summary>
public static class ProcessIdentity
{
    /// <summary>The start time of a live (non-zombie) process, or null when there is none.</summary>
    public static long? StartTicks(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) may hold spaces and parentheses; everything after the last ')' is plain.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        if (fields.Length < 20 || fields[0] is "Z" or "X")
        {
            return null;
        }

        return long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) ? ticks : null;
    }

    public static long? CurrentStartTicks() => StartTicks(Environment.ProcessId);

    public static bool IsAlive(int pid, long startTicks) => StartTicks(pid) == startTicks;
}
