using System.Text;

namespace AgentDeck.Tui.Themes;

/// <summary>Theme files name roles in kebab-case ("state-running" for <see cref="ThemeRole.StateRunning"/>).</summary>
public static class ThemeRoleNames
{
    private static readonly Dictionary<string, ThemeRole> ByName =
        Enum.GetValues<ThemeRole>().ToDictionary(Name, role => role, StringComparer.OrdinalIgnoreCase);

    public static string Name(ThemeRole role)
    {
        var text = role.ToString();
        var name = new StringBuilder(text.Length + 4);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && i > 0)
            {
                name.Append('-');
            }

            name.Append(char.ToLowerInvariant(text[i]));
        }

        return name.ToString();
    }

    public static bool TryParse(string name, out ThemeRole role) => ByName.TryGetValue(name, out role);
}
