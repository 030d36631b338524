using AgentDeck.Core.Cost;

namespace AgentDeck.Discovery.Catalogs;

/// <summary>Reads a price table file (see Data/prices.yaml). Bad entries are reported and skipped.</summary>
public static class PriceCatalog
{
    public static IReadOnlyList<ModelPrice> Parse(string text, string source, ICollection<DiscoveryWarning> warnings)
    {
        var root = YamlNodes.LoadRoot(text, source, warnings);
        if (root is null)
        {
            return [];
        }

        var prices = new List<ModelPrice>();
        foreach (var entry in YamlNodes.Entries(root, "models", source, warnings))
        {
            var model = YamlNodes.Text(entry, "model");
            var input = YamlNodes.Number(entry, "input", source, warnings);
            var output = YamlNodes.Number(entry, "output", source, warnings);
            var cached = YamlNodes.Number(entry, "cached_input", source, warnings);
            var cacheWrite = YamlNodes.Number(entry, "cache_write", source, warnings);
            if (string.IsNullOrWhiteSpace(model) || input is null || output is null)
            {
                warnings.Add(YamlNodes.At(entry, source, "a price entry needs `model`, `input` and `output`; entry skipped"));
                continue;
            }

            if (new[] { input, output, cached, cacheWrite }.Any(price => price < 0))
            {
                warnings.Add(YamlNodes.At(entry, source, $"negative price for {model}; entry skipped"));
                continue;
            }

            prices.Add(new ModelPrice(model.Trim(), input.Value, output.Value, cached, cacheWrite));
        }

        return prices;
    }
}
