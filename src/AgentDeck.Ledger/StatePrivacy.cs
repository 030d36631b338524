using AgentDeck.Core.Storage;

namespace AgentDeck.Ledger;

/// <summary>
/// Checks, at every ledger open, that the state folder is private: the folder, its <c>runs/</c> folder and the
/// ledger's files (db, -wal, -shm; SQLite makes the latter two with the db's mode). When the folder or <c>runs/</c>
/// was open to others (made by an older AgentDeck or a loose umask), every run folder and file in <c>runs/</c> and
/// <c>host/</c> is tightened too; otherwise they are out of others' reach already and not walked, which keeps an open
/// cheap.
/// </summary>
public static class StatePrivacy
{
    /// <summary>Tightens what was looser than owner-only; returns the paths it had to change.</summary>
    public static IReadOnlyList<string> Repair(string ledgerFile)
    {
        var state = Path.GetDirectoryName(Path.GetFullPath(ledgerFile))!;
        var runs = Path.Combine(state, AgentDeckPaths.RunsDirectoryName);
        var tightened = new List<string>();
        Tighten(state, tightened);
        var walk = Tighten(runs, tightened) | tightened.Count > 0;
        foreach (var file in new[] { ledgerFile, ledgerFile + "-wal", ledgerFile + "-shm" })
        {
            Tighten(file, tightened);
        }

        if (walk)
        {
            TightenInside(runs, tightened);
            TightenInside(Path.Combine(state, "host"), tightened);
        }

        return tightened;
    }

    private static void TightenInside(string folder, List<string> tightened)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            Tighten(entry, tightened);
        }
    }

    private static bool Tighten(string path, List<string> tightened)
    {
        if (!OwnerOnly.Tighten(path))
        {
            return false;
        }

        tightened.Add(path);
        return true;
    }
}
