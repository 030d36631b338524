using AgentDeck.Core.Routing;
using YamlDotNet.RepresentationModel;

namespace AgentDeck.Discovery.Catalogs;

/// <summary>Reads a roles file (see Data/roles.yaml). A role is read-only unless its file says <c>permission: write</c>.</summary>
public static class RoleCatalog
{
    public static IReadOnlyList<RoleDefinition> Parse(string text, string source, ICollection<DiscoveryWarning> warnings)
    {
        var root = YamlNodes.LoadRoot(text, source, warnings);
        if (root is null)
        {
            return [];
        }

        var roles = new List<RoleDefinition>();
        foreach (var entry in YamlNodes.Entries(root, "roles", source, warnings))
        {
            var name = YamlNodes.Text(entry, "name");
            var persona = YamlNodes.Text(entry, "persona");
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(persona))
            {
                warnings.Add(YamlNodes.At(entry, source, "a role needs `name` and `persona`; entry skipped"));
                continue;
            }

            roles.Add(new RoleDefinition(name.Trim(), persona.Trim(), Permission(entry, source, warnings), Weights(entry, source, warnings)));
        }

        return roles;
    }

    private static RolePermission Permission(YamlMappingNode entry, string source, ICollection<DiscoveryWarning> warnings)
    {
        var text = YamlNodes.Text(entry, "permission");
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "read-only" or "readonly" or "read":
                return RolePermission.ReadOnly;
            case "write":
                return RolePermission.Write;
            default:
                warnings.Add(YamlNodes.At(YamlNodes.Node(entry, "permission")!, source, $"permission `{text}` is not read-only or write; using read-only"));
                return RolePermission.ReadOnly;
        }
    }

    private static IReadOnlyDictionary<ModelTrait, double> Weights(YamlMappingNode entry, string source, ICollection<DiscoveryWarning> warnings)
    {
        var weights = new Dictionary<ModelTrait, double>();
        var node = YamlNodes.Node(entry, "weights");
        if (node is null)
        {
            return weights;
        }

        if (node is not YamlMappingNode map)
        {
            warnings.Add(YamlNodes.At(node, source, "`weights` must be a mapping such as { code: 3, review: 1 }"));
            return weights;
        }

        foreach (var (keyNode, _) in map.Children)
        {
            var key = keyNode is YamlScalarNode { Value: { } text } ? text : string.Empty;
            if (!TraitNames.ByName.TryGetValue(key, out var trait))
            {
                warnings.Add(YamlNodes.At(keyNode, source, $"unknown trait `{key}` (use {TraitNames.Known})"));
                continue;
            }

            if (YamlNodes.Number(map, key, source, warnings) is { } weight && weight >= 0)
            {
                weights[trait] = (double)weight;
            }
        }

        return weights;
    }
}
