using AgentDeck.Core.Runs;

namespace AgentDeck.Tui.Source;

/// <summary>
/// Which runs the screen shows: those of the current repository (recorded repo, or a working directory inside it),
/// those of the current directory when there is no repository, or all of them.
/// </summary>
public sealed record DeckScope(string? Repo, string? Cwd, bool ShowAll)
{
    public static DeckScope All { get; } = new(null, null, true);

    public string Label => ShowAll || (Repo is null && Cwd is null) ? "all runs" : "runs in " + Path.GetFileName((Repo ?? Cwd)!.TrimEnd('/'));

    public bool Includes(RunRecord run)
    {
        if (ShowAll || (Repo is null && Cwd is null))
        {
            return true;
        }

        var root = Repo ?? Cwd!;
        return string.Equals(run.Repo, root, StringComparison.Ordinal) || IsUnder(run.Cwd, root);
    }

    private static bool IsUnder(string? path, string root)
    {
        if (path is null)
        {
            return false;
        }

        var trimmed = root.TrimEnd('/');
        return path.Equals(trimmed, StringComparison.Ordinal) || path.StartsWith(trimmed + "/", StringComparison.Ordinal);
    }
}
