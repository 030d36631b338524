namespace AgentDeck.Tui.Themes;

/// <summary>
/// Finds a theme by name: a user file (<c>NAME.json</c> in the given directories, first match wins) or one of the
/// built-in themes. An unknown or broken theme yields the default theme and a message naming the problem.
/// </summary>
public sealed class ThemeLoader(IReadOnlyList<string> directories)
{
    public const string DefaultName = "dark";
    private const string ResourcePrefix = "AgentDeck.Tui.Themes.";

    public static IReadOnlyList<string> BuiltInNames { get; } = typeof(ThemeLoader).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    public ThemeLoad Load(string? name)
    {
        var wanted = string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();
        try
        {
            return new ThemeLoad(LoadNamed(wanted), []);
        }
        catch (ThemeException error)
        {
            var fallback = wanted == DefaultName ? Theme.Plain : LoadBuiltIn(DefaultName) ?? Theme.Plain;
            return new ThemeLoad(fallback, [$"{error.Message} Using the \"{fallback.Name}\" theme."]);
        }
    }

    public static Theme? LoadBuiltIn(string name)
    {
        using var stream = typeof(ThemeLoader).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return ThemeParser.Parse(reader.ReadToEnd(), $"built-in {name}.json");
    }

    /// <summary>The user file a theme name resolves to (null for a built-in theme): what hot reload watches.</summary>
    public string? FileFor(string? name)
    {
        var wanted = string.IsNullOrWhiteSpace(name) ? DefaultName : name.Trim();
        if (wanted.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || wanted.Contains('/'))
        {
            return Path.GetFullPath(wanted);
        }

        return directories.Select(d => Path.Combine(d, wanted + ".json")).FirstOrDefault(File.Exists);
    }

    private Theme LoadNamed(string name)
    {
        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.Contains('/'))
        {
            return LoadFile(Path.GetFullPath(name));
        }

        foreach (var directory in directories)
        {
            var file = Path.Combine(directory, name + ".json");
            if (File.Exists(file))
            {
                return LoadFile(file);
            }
        }

        return LoadBuiltIn(name)
            ?? throw new ThemeException($"theme \"{name}\": no such theme; built-in themes are {string.Join(", ", BuiltInNames)}, or put {name}.json in {string.Join(" or ", directories.DefaultIfEmpty("a themes directory"))}.");
    }

    private static Theme LoadFile(string file)
    {
        if (!File.Exists(file))
        {
            throw new ThemeException($"theme {file}: file not found.");
        }

        return ThemeParser.Parse(File.ReadAllText(file), file);
    }
}
