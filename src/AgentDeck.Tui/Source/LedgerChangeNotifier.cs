using AgentDeck.Core.Storage;

namespace AgentDeck.Tui.Source;

/// <summary>
/// Watches the ledger's files (inotify through <see cref="FileSystemWatcher"/>): every commit appends to the -wal file,
/// so a supervisor's write wakes the screen within a millisecond instead of at the next poll. Falls back to nothing
/// (the screen keeps polling) when the folder cannot be watched, e.g. the per-user inotify limit is reached.
/// </summary>
public sealed class LedgerChangeNotifier(AgentDeckPaths paths) : IChangeNotifier
{
    public IDisposable Watch(Action changed)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(paths.LedgerFile))!;
        try
        {
            var watcher = new FileSystemWatcher(folder, Path.GetFileName(paths.LedgerFile) + "*")
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.FileName,
                IncludeSubdirectories = false,
            };
            watcher.Changed += (_, _) => changed();
            watcher.Created += (_, _) => changed();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception error) when (error is IOException or ArgumentException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return new Unwatched();
        }
    }

    private sealed class Unwatched : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
