namespace AgentDeck.Core.Storage;

/// <summary>
/// Folders (0700) and files (0600) only their owner may open: the state folder and what it holds carry prompts,
/// outputs and sometimes credentials. Each is created with its mode, so there is no moment in which another local
/// user could open it, and one found looser is tightened (owner bits kept, group and other bits dropped).
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private const UnixFileMode GroupAndOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Creates the folder and any missing parent with mode 0700; an existing one is left as it is.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        // CreateDirectory gives its mode to the last folder only; missing parents would get 0777 less the umask.
        var missing = new Stack<string>();
        for (var folder = Path.GetFullPath(path); !Directory.Exists(folder); folder = Path.GetDirectoryName(folder)!)
        {
            missing.Push(folder);
            if (Path.GetDirectoryName(folder) is null)
            {
                break;
            }
        }

        while (missing.TryPop(out var folder))
        {
            Directory.CreateDirectory(folder, FolderMode);
        }
    }

    /// <summary>Creates the file, empty, with mode 0600; an existing one is left as it is.</summary>
    public static void CreateFile(string path)
    {
        try
        {
            using var created = CreateNew(path);
        }
        catch (IOException) when (File.Exists(path))
        {
        }
    }

    /// <summary>Writes the whole file through a fresh one made with mode 0600 beside it, then moved into place.</summary>
    public static void WriteAllTextAtomically(string path, string text)
    {
        // A name of its own: two processes may write the same file (a front end and the host write supervisor.json).
        var temporary = $"{path}.{Path.GetRandomFileName()}.tmp";
        using (var stream = CreateNew(temporary))
        {
            stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static FileStream CreateNew(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite | FileShare.Delete };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }

    /// <summary>
    /// Drops the group and other bits of an existing file or folder; true when it had any. A sticky folder (such as
    /// <c>/tmp</c>, shared on purpose) is left as it is: it is not AgentDeck's to close.
    /// </summary>
    public static bool Tighten(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        // One stat, no exception for a path that is not there (an open checks a few that often are not).
        FileSystemInfo entry = new FileInfo(path);
        if (!entry.Exists)
        {
            entry = new DirectoryInfo(path);
            if (!entry.Exists)
            {
                return false;
            }
        }

        var mode = entry.UnixFileMode;
        if ((mode & GroupAndOther) == 0 || (mode & UnixFileMode.StickyBit) != 0)
        {
            return false;
        }

        try
        {
            entry.UnixFileMode = mode & ~GroupAndOther;
            return true;
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            // Gone meanwhile, or someone else's: nothing this user can tighten.
            return false;
        }
    }
}
