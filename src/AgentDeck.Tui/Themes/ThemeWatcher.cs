namespace AgentDeck.Tui.Themes;

/// <summary>
/// Hot reload, k9s style: watches the file the chosen theme came from (by size and write time, checked when asked) and
/// parses it again when it changes. A file that no longer parses keeps the current theme and says why.
/// </summary>
public sealed class ThemeWatcher
{
    private readonly ThemeLoader _loader;
    private readonly string? _name;
    private readonly FileInfo? _file;
    private (long Length, long Ticks) _seen;

    public ThemeWatcher(ThemeLoader loader, string? name)
    {
        _loader = loader;
        _name = name;
        _file = loader.FileFor(name) is { } path ? new FileInfo(path) : null;
        _seen = Stamp();
    }

    /// <summary>The file being watched, or null when the theme is built in (nothing to reload).</summary>
    public string? File => _file?.FullName;

    /// <summary>A new theme (and any problem) when the file changed since the last call; null otherwise.</summary>
    public ThemeLoad? Check(Theme current)
    {
        if (_file is null)
        {
            return null;
        }

        var stamp = Stamp();
        if (stamp == _seen)
        {
            return null;
        }

        _seen = stamp;
        var loaded = _loader.Load(_name);
        return loaded.Messages.Count == 0
            ? loaded
            : new ThemeLoad(current, [.. loaded.Messages.Select(m => $"theme not reloaded: {m}")]);
    }

    private (long, long) Stamp()
    {
        if (_file is null)
        {
            return default;
        }

        _file.Refresh();
        return _file.Exists ? (_file.Length, _file.LastWriteTimeUtc.Ticks) : (-1, 0);
    }
}
