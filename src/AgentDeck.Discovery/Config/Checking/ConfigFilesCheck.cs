using AgentDeck.Discovery.Catalogs;
using AgentDeck.Toml;

namespace AgentDeck.Discovery.Config.Checking;

/// <summary>
/// Checks every configuration file AgentDeck reads: config.toml (the user's, then the project's .agentdeck/) against
/// the <see cref="ConfigSchema"/>, and the user's data files (prices.yaml, roles.yaml, model-traits.yaml). A file that
/// does not parse, and every entry of a data file that cannot be used, is an error; unknown config keys are warnings.
/// </summary>
public static class ConfigFilesCheck
{
    public const string ConfigFileName = "config.toml";
    public const string ProjectFolder = ".agentdeck";

    public static IReadOnlyList<ConfigProblem> Check(string userConfigDirectory, string? projectDirectory, ConfigSchema? schema = null)
    {
        var problems = new List<ConfigProblem>();
        var tomlFiles = new List<string> { Path.Combine(userConfigDirectory, ConfigFileName) };
        if (projectDirectory is not null)
        {
            tomlFiles.Add(Path.Combine(projectDirectory, ProjectFolder, ConfigFileName));
        }

        foreach (var file in tomlFiles.Distinct(StringComparer.Ordinal).Where(File.Exists))
        {
            problems.AddRange(CheckToml(file, schema ?? ConfigSchema.Default));
        }

        CheckData(Path.Combine(userConfigDirectory, DataCatalogLoader.PricesFileName), PriceCatalog.Parse, problems);
        CheckData(Path.Combine(userConfigDirectory, DataCatalogLoader.RolesFileName), RoleCatalog.Parse, problems);
        CheckData(Path.Combine(userConfigDirectory, DataCatalogLoader.TraitsFileName), TraitCatalog.Parse, problems);
        return problems;
    }

    public static IReadOnlyList<ConfigProblem> CheckToml(string file, ConfigSchema schema)
    {
        TomlDocument document;
        try
        {
            document = TomlDocument.Load(file);
        }
        catch (TomlException error)
        {
            return [new ConfigProblem(file, error.Line, error.Column, ConfigProblemSeverity.Error, $"{error.Reason}; fix the file's TOML")];
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return [new ConfigProblem(file, null, null, ConfigProblemSeverity.Error, $"cannot read the file ({error.Message}); make it readable")];
        }

        return ConfigSchemaCheck.Check(TomlConfigNodes.From(document.Root), schema, file);
    }

    private static void CheckData<T>(string file, Func<string, string, ICollection<DiscoveryWarning>, IReadOnlyList<T>> parse, List<ConfigProblem> problems)
    {
        if (!File.Exists(file))
        {
            return;
        }

        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ConfigProblem(file, null, null, ConfigProblemSeverity.Error, $"cannot read the file ({error.Message}); make it readable"));
            return;
        }

        var warnings = new List<DiscoveryWarning>();
        parse(text, file, warnings);
        problems.AddRange(warnings.Select(w => new ConfigProblem(w.Source, w.Line, w.Column, ConfigProblemSeverity.Error, FixHint(w.Message))));
    }

    private static string FixHint(string message) => message.Contains("; ", StringComparison.Ordinal) ? message : $"{message.TrimEnd('.')}; fix the file";
}
