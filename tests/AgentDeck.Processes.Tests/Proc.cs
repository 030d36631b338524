using System.Text;

namespace AgentDeck.Processes.Tests;

/// <summary>Test-side view of /proc, read independently of the code under test.</summary>
internal static class Proc
{
    /// <summary>The safety net for waiting on the OS; never an assertion about speed.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static int Self => Environment.ProcessId;

    public static (char State, int ParentPid, int Pgrp, int Session)? Stat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (fields[0][0], int.Parse(fields[1]), int.Parse(fields[2]), int.Parse(fields[3]));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static bool IsAlive(int pid) => Stat(pid) is { } s && s.State != 'Z' && s.State != 'X';

    public static IReadOnlyList<int> LiveMembersOf(int pgid) =>
        AllPids().Where(pid => Stat(pid) is { } s && s.Pgrp == pgid && s.State != 'Z' && s.State != 'X').ToList();

    public static IReadOnlyList<int> ZombieChildrenOfSelf() =>
        AllPids().Where(pid => Stat(pid) is { } s && s.ParentPid == Self && s.State == 'Z').ToList();

    public static string? FdTarget(int pid, int fd)
    {
        try
        {
            return new FileInfo($"/proc/{pid}/fd/{fd}").LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Polls until the condition holds; false only if it never did within <see cref="Patience"/>.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    public static async Task<List<byte[]>> ReadAllAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> lines)
    {
        var all = new List<byte[]>();
        await foreach (var line in lines)
        {
            all.Add(line.ToArray());
        }

        return all;
    }

    public static string Text(byte[] line) => Encoding.UTF8.GetString(line);

    private static IEnumerable<int> AllPids() =>
        Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(n => int.TryParse(n, out var p) ? p : 0).Where(p => p > 0);
}
