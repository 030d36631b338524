using AgentDeck.Core;
using AgentDeck.Core.Routing;

namespace AgentDeck.Discovery.Catalogs;

/// <summary>Reads a model traits file (see Data/model-traits.yaml). Bad entries are reported and skipped.</summary>
public static class TraitCatalog
{
    public static IReadOnlyList<ModelTraits> Parse(string text, string source, ICollection<DiscoveryWarning> warnings)
    {
        var root = YamlNodes.LoadRoot(text, source, warnings);
        if (root is null)
        {
            return [];
        }

        var models = new List<ModelTraits>();
        foreach (var entry in YamlNodes.Entries(root, "models", source, warnings))
        {
            var model = YamlNodes.Text(entry, "model");
            if (string.IsNullOrWhiteSpace(model))
            {
                warnings.Add(YamlNodes.At(entry, source, "a traits entry needs `model`; entry skipped"));
                continue;
            }

            AgentKind? agent = null;
            if (YamlNodes.Text(entry, "agent") is { } agentName)
            {
                if (AgentKinds.TryParse(agentName, out var parsed))
                {
                    agent = parsed;
                }
                else
                {
                    warnings.Add(YamlNodes.At(YamlNodes.Node(entry, "agent")!, source, $"unknown agent `{agentName}` (use {string.Join(", ", AgentKinds.Names)})"));
                }
            }

            var ratings = new Dictionary<ModelTrait, double>();
            foreach (var (name, trait) in TraitNames.ByName)
            {
                if (YamlNodes.Number(entry, name, source, warnings) is not { } rating)
                {
                    continue;
                }

                if (rating is < 0 or > (decimal)ModelTraits.MaxRating)
                {
                    warnings.Add(YamlNodes.At(YamlNodes.Node(entry, name)!, source, $"`{name}` of {model} must be between 0 and 10; ignored"));
                    continue;
                }

                ratings[trait] = (double)rating;
            }

            models.Add(new ModelTraits(model.Trim(), agent, ratings));
        }

        return models;
    }
}
