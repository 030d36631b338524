using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentDeck.Discovery.Catalogs;

/// <summary>Walks a YAML document node by node so that every complaint can name the file, line and column.</summary>
internal static class YamlNodes
{
    public static YamlMappingNode? LoadRoot(string text, string source, ICollection<DiscoveryWarning> warnings)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count == 0)
            {
                warnings.Add(DiscoveryWarning.About(source, "the file is empty"));
                return null;
            }

            if (stream.Documents[0].RootNode is YamlMappingNode root)
            {
                return root;
            }

            warnings.Add(At(stream.Documents[0].RootNode, source, "expected a mapping at the top of the file"));
            return null;
        }
        catch (YamlException exception)
        {
            warnings.Add(new DiscoveryWarning(source, (int)exception.Start.Line, (int)exception.Start.Column, FirstLine(exception.Message)));
            return null;
        }
    }

    public static IEnumerable<YamlMappingNode> Entries(YamlMappingNode root, string key, string source, ICollection<DiscoveryWarning> warnings)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            warnings.Add(DiscoveryWarning.About(source, $"no `{key}:` list in the file"));
            yield break;
        }

        if (node is not YamlSequenceNode sequence)
        {
            warnings.Add(At(node, source, $"`{key}` must be a list"));
            yield break;
        }

        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode mapping)
            {
                yield return mapping;
            }
            else
            {
                warnings.Add(At(item, source, $"each entry of `{key}` must be a mapping"));
            }
        }
    }

    public static string? Text(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } ? value : null;

    public static YamlNode? Node(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    /// <summary>A number under <paramref name="key"/>; a value that is not one is reported and treated as absent.</summary>
    public static decimal? Number(YamlMappingNode map, string key, string source, ICollection<DiscoveryWarning> warnings)
    {
        var node = Node(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { } text }
            && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        warnings.Add(At(node, source, $"`{key}` must be a number"));
        return null;
    }

    public static DiscoveryWarning At(YamlNode node, string source, string message) =>
        new(source, (int)node.Start.Line, (int)node.Start.Column, message);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
