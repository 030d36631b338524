using AgentDeck.Toml;

namespace AgentDeck.Discovery.Config.Checking;

/// <summary>The one place that turns what AgentDeck's TOML reader returns into <see cref="ConfigNode"/>s.</summary>
public static class TomlConfigNodes
{
    public static ConfigNode From(TomlValue value) => value switch
    {
        TomlTable table => new ConfigNode(ConfigValueKind.Table, Line(value), Column(value))
        {
            Entries = [.. table.Select(entry => KeyValuePair.Create(entry.Key, From(entry.Value)))],
            KeyPositions = table.Keys.Select(key => (key, found: table.TryGetKeyPosition(key, out var at), at))
                .Where(entry => entry.found && entry.at.Line > 0)
                .ToDictionary(entry => entry.key, entry => (entry.at.Line, entry.at.Column), StringComparer.Ordinal),
        },
        TomlArray array => new ConfigNode(ConfigValueKind.Array, Line(value), Column(value)) { Items = [.. array.Select(From)] },
        TomlInteger whole => new ConfigNode(ConfigValueKind.Integer, Line(value), Column(value)) { Number = whole.Value },
        TomlFloat number => new ConfigNode(ConfigValueKind.Float, Line(value), Column(value))
        {
            Number = double.IsFinite(number.Value) && Math.Abs(number.Value) < 1e15 ? (decimal)number.Value : null,
        },
        TomlString => new ConfigNode(ConfigValueKind.String, Line(value), Column(value)),
        TomlBoolean => new ConfigNode(ConfigValueKind.Boolean, Line(value), Column(value)),
        _ => new ConfigNode(ConfigValueKind.DateTime, Line(value), Column(value)),
    };

    private static int? Line(TomlValue value) => value.Position.Line > 0 ? value.Position.Line : null;

    private static int? Column(TomlValue value) => value.Position.Column > 0 ? value.Position.Column : null;
}
