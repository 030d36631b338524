using AgentDeck.Core.Processes;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>Checks before launching that a worker's program exists, so "not installed" is said here, not in a log.</summary>
public static class ProgramLookup
{
    public static void EnsureInstalled(ProcessSpec spec, string? searchPath)
    {
        if (!IsInstalled(spec.FileName, searchPath))
        {
            throw ProcessStartException.NotInstalled(spec);
        }
    }

    public static bool IsInstalled(string fileName, string? searchPath)
    {
        if (fileName.Contains('/'))
        {
            return File.Exists(fileName);
        }

        return (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, fileName)));
    }
}
