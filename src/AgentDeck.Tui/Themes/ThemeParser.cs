using System.Text.Json;
using AgentDeck.Terminal;

namespace AgentDeck.Tui.Themes;

/// <summary>
/// Reads a theme file (JSON: <c>{"name": "...", "roles": {"state-running": {"fg": "#89b4fa", "bold": true}}}</c>).
/// A role without "bg" takes the "background" role's, so a theme paints the whole screen or none of it.
/// Problems are thrown as <see cref="ThemeException"/> naming the source and the entry.
/// </summary>
public static class ThemeParser
{
    private static readonly Dictionary<string, TextAttributes> Attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bold"] = TextAttributes.Bold,
        ["dim"] = TextAttributes.Dim,
        ["italic"] = TextAttributes.Italic,
        ["underline"] = TextAttributes.Underline,
        ["reverse"] = TextAttributes.Reverse,
        ["strikethrough"] = TextAttributes.Strikethrough,
    };

    public static Theme Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException error)
        {
            throw new ThemeException($"theme {source}: not valid JSON (line {error.LineNumber + 1}): fix the file or pick another theme.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("roles", out var roles) || roles.ValueKind != JsonValueKind.Object)
            {
                throw new ThemeException($"theme {source}: needs a \"roles\" object mapping role names to styles.");
            }

            var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : Path.GetFileNameWithoutExtension(source);
            var styles = new Dictionary<ThemeRole, Style>();
            foreach (var entry in roles.EnumerateObject())
            {
                if (!ThemeRoleNames.TryParse(entry.Name, out var role))
                {
                    throw new ThemeException($"theme {source}: unknown role \"{entry.Name}\"; known roles: {string.Join(", ", Enum.GetValues<ThemeRole>().Select(ThemeRoleNames.Name))}.");
                }

                styles[role] = ParseStyle(entry.Value, $"{source}: roles.{entry.Name}");
            }

            return new Theme(name, InheritBackground(styles));
        }
    }

    private static Dictionary<ThemeRole, Style> InheritBackground(Dictionary<ThemeRole, Style> styles)
    {
        if (!styles.TryGetValue(ThemeRole.Background, out var background) || background.Background == TerminalColor.Default)
        {
            return styles;
        }

        foreach (var role in Enum.GetValues<ThemeRole>())
        {
            var style = styles.TryGetValue(role, out var s) ? s : styles.GetValueOrDefault(ThemeRole.Text);
            styles[role] = style.Background == TerminalColor.Default ? style.WithBackground(background.Background) : style;
        }

        return styles;
    }

    private static Style ParseStyle(JsonElement value, string where)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new ThemeException($"theme {where}: must be an object like {{\"fg\": \"#ffffff\", \"bold\": true}}.");
        }

        var style = Style.Default;
        foreach (var property in value.EnumerateObject())
        {
            if (property.Name is "fg" or "bg")
            {
                if (property.Value.ValueKind != JsonValueKind.String || !ThemeColor.TryParse(property.Value.GetString()!, out var color))
                {
                    throw new ThemeException($"theme {where}.{property.Name}: \"{property.Value}\" is not a colour; use \"default\", \"#rrggbb\", \"ansi:N\" or a name like \"bright-black\".");
                }

                style = property.Name == "fg" ? style.WithForeground(color) : style.WithBackground(color);
            }
            else if (Attributes.TryGetValue(property.Name, out var attribute))
            {
                if (property.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new ThemeException($"theme {where}.{property.Name}: must be true or false.");
                }

                style = property.Value.GetBoolean() ? style.Add(attribute) : style;
            }
            else
            {
                throw new ThemeException($"theme {where}: unknown setting \"{property.Name}\"; use fg, bg, bold, dim, italic, underline, reverse or strikethrough.");
            }
        }

        return style;
    }
}
