using System.Globalization;
using AgentDeck.Discovery.Catalogs;
using YamlDotNet.RepresentationModel;

namespace AgentDeck.Discovery.Config.Checking;

/// <summary>
/// The keys each table of config.toml may hold and their types, read from data (Data/config-schema.yaml). Table
/// names are dotted paths; a <c>*</c> segment stands for any name.
/// </summary>
public sealed class ConfigSchema
{
    public const string FileName = "config-schema.yaml";
    private readonly IReadOnlyList<(string[] Path, IReadOnlyList<ConfigKeyRule> Rules)> _tables;

    public ConfigSchema(IReadOnlyDictionary<string, IReadOnlyList<ConfigKeyRule>> tables) =>
        _tables = [.. tables.Select(table => (table.Key.Length == 0 ? [] : table.Key.Split('.'), table.Value))];

    public static ConfigSchema Default { get; } = Parse(DataCatalogLoader.ReadEmbedded(FileName));

    /// <summary>The rules of the table at this path, or null when the schema says nothing about it (not checked).</summary>
    public IReadOnlyList<ConfigKeyRule>? RulesFor(IReadOnlyList<string> path)
    {
        foreach (var (pattern, rules) in _tables)
        {
            if (pattern.Length == path.Count && pattern.Select((segment, i) => segment == "*" || segment == path[i]).All(match => match))
            {
                return rules;
            }
        }

        return null;
    }

    public static ConfigSchema Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var tables = new Dictionary<string, IReadOnlyList<ConfigKeyRule>>(StringComparer.Ordinal);
        foreach (var (name, keys) in (YamlMappingNode)root.Children[new YamlScalarNode("tables")])
        {
            tables[((YamlScalarNode)name).Value ?? ""] = [.. ((YamlMappingNode)keys).Children.Select(key => Rule(((YamlScalarNode)key.Key).Value!, key.Value))];
        }

        return new ConfigSchema(tables);
    }

    private static ConfigKeyRule Rule(string key, YamlNode spec) => spec switch
    {
        YamlScalarNode { Value: { } type } => new ConfigKeyRule(key, TypeNamed(type)),
        YamlMappingNode map => new ConfigKeyRule(key, TypeNamed(Scalar(map, "type") ?? "string"), Decimal(Scalar(map, "min")), Decimal(Scalar(map, "max"))),
        _ => throw new FormatException($"{FileName}: key {key} needs a type"),
    };

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } ? value : null;

    private static decimal? Decimal(string? text) => text is null ? null : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static ConfigKeyType TypeNamed(string name) => name switch
    {
        "string" => ConfigKeyType.String,
        "integer" => ConfigKeyType.Integer,
        "number" => ConfigKeyType.Number,
        "boolean" => ConfigKeyType.Boolean,
        "strings" => ConfigKeyType.Strings,
        "string-or-strings" => ConfigKeyType.StringOrStrings,
        "scalar" => ConfigKeyType.Scalar,
        "table" => ConfigKeyType.Table,
        _ => throw new FormatException($"{FileName}: unknown type {name}"),
    };
}
