using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentDeck.MockModel.Scenarios;

/// <summary>Typed access to YAML nodes that fails with the file, line and column of the offending node.</summary>
internal sealed class YamlNodes(string file)
{
    public ScenarioFormatException Fail(YamlNode node, string problem) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, problem);

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Fail(node, $"{what} must be a mapping (key: value)");

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Fail(node, $"{what} must be a list");

    public string String(YamlNode node, string what) =>
        node is YamlScalarNode { Value: not null } scalar && !IsNull(scalar)
            ? scalar.Value
            : throw Fail(node, $"{what} must be a text value");

    public int Int(YamlNode node, string what, int min)
    {
        if (node is YamlScalarNode { Value: { } text }
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && value >= min)
        {
            return value;
        }

        throw Fail(node, $"{what} must be a whole number >= {min}");
    }

    /// <summary>The value under <paramref name="key"/>, or null when absent.</summary>
    public static YamlNode? Optional(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    public YamlNode Required(YamlMappingNode map, string key, string what) =>
        Optional(map, key) ?? throw Fail(map, $"{what} is missing the required key '{key}'");

    /// <summary>Rejects keys outside <paramref name="allowed"/>, naming the first unknown key.</summary>
    public void OnlyKeys(YamlMappingNode map, string what, params string[] allowed)
    {
        foreach (var key in map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(name, StringComparer.Ordinal))
            {
                throw Fail(key, $"unknown key '{name}' in {what}; expected one of: {string.Join(", ", allowed)}");
            }
        }
    }

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    /// <summary>Converts YAML to JSON: plain scalars that read as numbers, booleans or null keep that type.</summary>
    public JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => ToJsonObject(map),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => ScalarToJson(scalar),
        _ => throw Fail(node, "unsupported YAML node (aliases are not supported)"),
    };

    public JsonObject ToJsonObject(YamlMappingNode map)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            obj[String(key, "a key")] = ToJson(value);
        }

        return obj;
    }

    private static JsonNode? ScalarToJson(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        if (IsNull(scalar))
        {
            return null;
        }

        if (text is "true" or "false")
        {
            return JsonValue.Create(text == "true");
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            return JsonValue.Create(whole);
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            ? JsonValue.Create(real)
            : JsonValue.Create(text);
    }
}
