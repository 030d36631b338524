namespace AgentDeck.Core.Teams.Results;

/// <summary>
/// Checks that an evidence path names a file inside the repository: relative, no <c>..</c> segment, not a drive or
/// network path. Findings are read-only claims, but the path is later shown and opened, so one that escapes the
/// repository is never used as a location.
/// </summary>
public static class RepoRelativePath
{
    /// <summary>Null when the path is fine; otherwise the problem, worded for the agent.</summary>
    public static string? Problem(string path)
    {
        if (path.Trim().Length == 0)
        {
            return "is empty; give the file's path relative to the repository root";
        }

        var shown = JsonFields.OneLine(path);
        var slashed = path.Replace('\\', '/');
        if (slashed.StartsWith('/') || slashed.StartsWith('~') || (slashed.Length >= 2 && char.IsAsciiLetter(slashed[0]) && slashed[1] == ':'))
        {
            return $"\"{shown}\" is absolute; give the path relative to the repository root";
        }

        return slashed.Split('/').Contains("..")
            ? $"\"{shown}\" leaves the repository (..); give the path relative to the repository root"
            : null;
    }

    /// <summary>The path with forward slashes and no leading <c>./</c>, so two spellings of one file compare equal.</summary>
    public static string Normalize(string path)
    {
        var slashed = path.Trim().Replace('\\', '/');
        while (slashed.StartsWith("./", StringComparison.Ordinal))
        {
            slashed = slashed[2..];
        }

        return slashed;
    }
}
