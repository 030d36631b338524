using AgentDeck.Toml;

namespace AgentDeck.Cli.Commands.Tui;

/// <summary>
/// Reads the screen's part of <c>~/.config/agentdeck/config.toml</c> and of the project's <c>.agentdeck/config.toml</c>
/// (the project's entries win): <c>[tui] theme</c> and the <c>[keys]</c> table (action = "key" or ["key", ...]). A
/// missing file is fine; a broken one or a wrong entry becomes a message naming it, and the defaults are used. The
/// cost guard's limits are <c>[limits]</c>, read as the supervisors read them; the screen-only <c>[tui] budget_usd</c>
/// and <c>max_concurrency</c> of earlier versions were never enforced, so each becomes a notice naming its replacement.
/// </summary>
public static class TuiConfig
{
    private static readonly (string Old, string Replacement)[] Replaced = [("budget_usd", "global_budget_usd"), ("max_concurrency", "max_concurrency")];

    public static string ConfigDirectory(Func<string, string?> environment)
    {
        var xdg = environment("XDG_CONFIG_HOME");
        var home = environment("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".config") : xdg, "agentdeck");
    }

    /// <summary>The user's file, then the project's on top (<paramref name="projectDirectory"/>/.agentdeck/config.toml).</summary>
    public static TuiSettings Load(string userFile, string? projectDirectory) =>
        projectDirectory is null
            ? Load(userFile)
            : Load(userFile).With(Load(Path.Combine(projectDirectory, ".agentdeck", "config.toml")));

    public static TuiSettings Load(string file)
    {
        if (!File.Exists(file))
        {
            return TuiSettings.Defaults;
        }

        TomlDocument document;
        try
        {
            document = TomlDocument.Load(file);
        }
        catch (TomlException error)
        {
            return TuiSettings.Defaults with { Messages = [$"{error.Message} (using the default screen settings)"] };
        }

        return Read(document.Root, file);
    }

    public static TuiSettings Read(TomlTable root, string file)
    {
        var messages = new List<string>();
        var keys = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetTable("keys", out var table))
        {
            foreach (var (action, value) in table)
            {
                switch (value)
                {
                    case TomlString one:
                        keys[action] = [one.Value];
                        break;
                    case TomlArray many when many.All(v => v is TomlString):
                        keys[action] = many.Cast<TomlString>().Select(s => s.Value).ToList();
                        break;
                    default:
                        messages.Add($"{file}: [keys].{action} must be a key name or a list of key names, like \"n\" or [\"n\", \"Ctrl+n\"].");
                        break;
                }
            }
        }

        string? theme = root.TryGetString("tui.theme", out var name) ? name : null;
        foreach (var (old, replacement) in Replaced)
        {
            if (root.TryGetValue("tui." + old, out var value))
            {
                messages.Add($"{file}: [tui] {old} = {TomlText(value)} is no longer read: the cost guard enforces [limits] {replacement}; move it there (the Cost tab shows [limits]).");
            }
        }

        return new TuiSettings(theme, keys, messages);
    }

    private static string TomlText(TomlValue value) => value switch
    {
        TomlString text => $"\"{text.Value}\"",
        _ => value.ToString() ?? "",
    };
}
