using AgentDeck.Core.Cost;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Environment;

namespace AgentDeck.Discovery.Catalogs;

/// <summary>
/// Loads the embedded data files and lays the user's files over them, entry by entry (same model or role name
/// replaces; new names add). A broken user file is reported and the shipped data stays in force.
/// </summary>
public static class DataCatalogLoader
{
    public const string PricesFileName = "prices.yaml";
    public const string TraitsFileName = "model-traits.yaml";
    public const string RolesFileName = "roles.yaml";

    public static DataCatalogs Load(DiscoveryEnvironment environment) => Load(environment.AgentDeckConfigDirectory);

    public static DataCatalogs Load(string userDirectory)
    {
        var warnings = new List<DiscoveryWarning>();
        var prices = LoadLayers(PricesFileName, userDirectory, PriceCatalog.Parse, price => price.Model, warnings);
        var traits = LoadLayers(TraitsFileName, userDirectory, TraitCatalog.Parse, entry => entry.Model, warnings);
        var roles = LoadLayers(RolesFileName, userDirectory, RoleCatalog.Parse, role => role.Name, warnings);
        return new DataCatalogs(new PriceTable(prices), traits, roles, warnings);
    }

    public static string ReadEmbedded(string fileName)
    {
        var resource = $"AgentDeck.Discovery.Data.{fileName}";
        using var stream = typeof(DataCatalogLoader).Assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidOperationException($"The build lost the embedded data file {resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static IReadOnlyList<T> LoadLayers<T>(
        string fileName,
        string userDirectory,
        Func<string, string, ICollection<DiscoveryWarning>, IReadOnlyList<T>> parse,
        Func<T, string> keyOf,
        List<DiscoveryWarning> warnings)
    {
        var merged = new List<T>(parse(ReadEmbedded(fileName), $"(built-in) {fileName}", warnings));
        var userPath = Path.Combine(userDirectory, fileName);
        if (!File.Exists(userPath))
        {
            return merged;
        }

        string text;
        try
        {
            text = File.ReadAllText(userPath);
        }
        catch (IOException exception)
        {
            warnings.Add(DiscoveryWarning.About(userPath, $"cannot read the file ({exception.Message}); using the built-in data"));
            return merged;
        }
        catch (UnauthorizedAccessException)
        {
            warnings.Add(DiscoveryWarning.About(userPath, "no permission to read the file; using the built-in data"));
            return merged;
        }

        foreach (var entry in parse(text, userPath, warnings))
        {
            var index = merged.FindIndex(existing => string.Equals(keyOf(existing), keyOf(entry), StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                merged[index] = entry;
            }
            else
            {
                merged.Add(entry);
            }
        }

        return merged;
    }
}
