using AgentDeck.Core.Processes;

namespace AgentDeck.Processes;

/// <summary>Finds a program the way execvp would, so a missing one is reported before anything starts.</summary>
internal static class ExecutableResolver
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>The absolute path of the spec's program, searched on the child's PATH.</summary>
    public static string Resolve(ProcessSpec spec)
    {
        if (string.IsNullOrWhiteSpace(spec.FileName))
        {
            throw new ProcessStartException(spec.FileName, "cannot start a process without a program name: set ProcessSpec.FileName");
        }

        if (spec.FileName.Contains('/'))
        {
            var path = Path.GetFullPath(spec.FileName, spec.WorkingDirectory ?? Environment.CurrentDirectory);
            return IsExecutableFile(path) ? path : throw ProcessStartException.NotInstalled(spec);
        }

        return Find(spec.FileName, ChildPath(spec)) ?? throw ProcessStartException.NotInstalled(spec);
    }

    /// <summary>The absolute path of a program on the given PATH, or null.</summary>
    public static string? Find(string fileName, string? searchPath)
    {
        foreach (var directory in (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, fileName);
            if (Path.IsPathRooted(candidate) && IsExecutableFile(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string? ChildPath(ProcessSpec spec) =>
        spec.Environment.TryGetValue("PATH", out var overridden) ? overridden : Environment.GetEnvironmentVariable("PATH");

    private static bool IsExecutableFile(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & AnyExecute) != 0);
}
