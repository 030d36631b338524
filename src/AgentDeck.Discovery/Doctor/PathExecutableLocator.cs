using AgentDeck.Discovery.Environment;

namespace AgentDeck.Discovery.Doctor;

/// <summary>Looks a program up in $PATH (with PATHEXT extensions on Windows).</summary>
public sealed class PathExecutableLocator(DiscoveryEnvironment environment) : IExecutableLocator
{
    public string? Find(string program)
    {
        var extensions = OperatingSystem.IsWindows()
            ? (environment.Get("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries).Prepend(string.Empty).ToArray()
            : [string.Empty];
        foreach (var directory in environment.SearchPath)
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(directory, program + extension);
                if (IsExecutableFile(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(path) & anyExecute) != 0;
    }
}
