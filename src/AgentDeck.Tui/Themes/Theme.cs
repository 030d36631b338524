using AgentDeck.Terminal;

namespace AgentDeck.Tui.Themes;

/// <summary>A skin: one style per <see cref="ThemeRole"/>. Roles a theme leaves out fall back to <see cref="ThemeRole.Text"/>.</summary>
public sealed class Theme
{
    private readonly IReadOnlyDictionary<ThemeRole, Style> _styles;

    public Theme(string name, IReadOnlyDictionary<ThemeRole, Style> styles)
    {
        Name = name;
        _styles = styles;
    }

    public string Name { get; }

    /// <summary>Plain default colours everywhere: what golden tests and a broken theme file fall back to at worst.</summary>
    public static Theme Plain { get; } = new("plain", new Dictionary<ThemeRole, Style>());

    public Style this[ThemeRole role] =>
        _styles.TryGetValue(role, out var style) ? style
        : _styles.TryGetValue(ThemeRole.Text, out var text) ? text
        : Style.Default;
}
