using AgentDeck.Core.Secrets;

namespace AgentDeck.Secrets;

/// <summary>
/// The rules a run's output is checked with: AgentDeck's shipped rules, plus the repository's own
/// <c>.gitleaks.toml</c> when it has one. A user file that cannot be read leaves the shipped rules in force and says
/// why in <see cref="Warnings"/>.
/// </summary>
public sealed class SecretRules
{
    public const string ShippedResource = "AgentDeck.Secrets.secret-rules.toml";
    public const string RepositoryFile = ".gitleaks.toml";

    private SecretRules(IReadOnlyList<SecretRule> rules, IReadOnlyList<SecretAllowlist> allowlists, IReadOnlyList<string> warnings)
    {
        Rules = rules;
        Allowlists = allowlists;
        Warnings = warnings;
    }

    public IReadOnlyList<SecretRule> Rules { get; }

    public IReadOnlyList<SecretAllowlist> Allowlists { get; }

    public IReadOnlyList<string> Warnings { get; }

    public static SecretRuleFile Shipped()
    {
        using var stream = typeof(SecretRules).Assembly.GetManifestResourceStream(ShippedResource)
            ?? throw new InvalidOperationException($"{ShippedResource} is not embedded in the build");
        using var reader = new StreamReader(stream);
        return GitleaksRuleReader.Read(reader.ReadToEnd(), "secret-rules.toml (shipped)");
    }

    /// <param name="repository">The worker's folder; its <c>.gitleaks.toml</c>, if any, adds rules and allowlists.</param>
    public static SecretRules For(string? repository)
    {
        var shipped = Shipped();
        var path = repository is null ? null : Path.Combine(repository, RepositoryFile);
        if (path is null || !File.Exists(path))
        {
            return new SecretRules(shipped.Rules, shipped.Allowlists, shipped.Warnings);
        }

        try
        {
            var user = GitleaksRuleReader.Read(File.ReadAllText(path), path);
            var ids = shipped.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var added = user.Rules.Select(r => ids.Contains(r.Id) ? r with { Id = r.Id + "-repo" } : r);
            return new SecretRules([.. shipped.Rules, .. added], [.. shipped.Allowlists, .. user.Allowlists], [.. shipped.Warnings, .. user.Warnings]);
        }
        catch (Exception error) when (error is SecretRuleFileException or IOException or UnauthorizedAccessException)
        {
            return new SecretRules(shipped.Rules, shipped.Allowlists, [.. shipped.Warnings, $"{error.Message}; the shipped secret rules still apply"]);
        }
    }

    public SecretScanner Scanner(SecretFingerprint fingerprint) => new(Rules, fingerprint, Allowlists);
}
