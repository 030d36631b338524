using AgentDeck.Core.Events;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Catalogs;
using AgentDeck.Discovery.Tests.Support;

namespace AgentDeck.Discovery.Tests.Catalogs;

public sealed class DataCatalogLoaderTests
{
    [Fact]
    public void Given_no_user_files_When_loading_Then_the_shipped_data_loads_without_warnings()
    {
        using var home = new TempHome();

        var catalogs = DataCatalogLoader.Load(home.Environment);

        Assert.Empty(catalogs.Warnings);
        Assert.Equal(["requirements", "architecture", "security", "testing", "implementation", "review", "ops"], catalogs.Roles.Select(role => role.Name));
        Assert.All(catalogs.Roles, role => Assert.False(string.IsNullOrWhiteSpace(role.Persona)));
        Assert.All(catalogs.Roles, role => Assert.NotEmpty(role.TraitWeights));
        Assert.Equal(["testing", "implementation"], catalogs.Roles.Where(role => role.Permission == RolePermission.Write).Select(role => role.Name));
        Assert.All(catalogs.Traits, traits => Assert.Equal(6, traits.Ratings.Count));
        Assert.All(catalogs.Traits, traits => Assert.NotNull(traits.DefaultAgent));
        Assert.Equal(15m, catalogs.Prices.Price("claude-sonnet-4-5", new TokenUsage(0, 0, 0, 1_000_000, 0)));
    }

    [Fact]
    public void Given_user_overrides_When_loading_Then_entries_replace_or_add_by_name()
    {
        using var home = new TempHome();
        home.Write(".config/agentdeck/prices.yaml", "models:\n  - model: claude-sonnet-4-5\n    input: 1\n    output: 2\n  - model: my-local\n    input: 0\n    output: 0\n");
        home.Write(".config/agentdeck/roles.yaml", "roles:\n  - name: docs\n    persona: You write docs.\n    weights: { code: 1 }\n  - name: review\n    persona: Be brief.\n    permission: write\n");

        var catalogs = DataCatalogLoader.Load(home.Environment);

        Assert.Empty(catalogs.Warnings);
        Assert.Equal(2m, catalogs.Prices.Price("claude-sonnet-4-5", new TokenUsage(0, 0, 0, 1_000_000, 0)));
        Assert.Equal(0m, catalogs.Prices.Price("my-local", new TokenUsage(5, 5, 5, 5, 0)));
        var review = catalogs.Roles.Single(role => role.Name == "review");
        Assert.Equal(("Be brief.", RolePermission.Write), (review.Persona, review.Permission));
        Assert.Equal(RolePermission.ReadOnly, catalogs.Roles.Single(role => role.Name == "docs").Permission);
        Assert.Equal(8, catalogs.Roles.Count);
    }

    [Fact]
    public void Given_a_broken_user_file_When_loading_Then_a_located_warning_and_the_defaults_stay()
    {
        using var home = new TempHome();
        var path = home.Write(".config/agentdeck/model-traits.yaml", "models:\n  - model: x\n    code: [1, 2\n");

        var catalogs = DataCatalogLoader.Load(home.Environment);

        var warning = Assert.Single(catalogs.Warnings);
        Assert.Equal(path, warning.Source);
        Assert.NotNull(warning.Line);
        Assert.NotNull(warning.Column);
        Assert.Contains(catalogs.Traits, traits => traits.Model == "claude-sonnet-4-5");
    }

    public static TheoryData<string, int, string> BadEntries => new()
    {
        { "models:\n  - model: a\n    input: cheap\n    output: 1\n", 3, "`input` must be a number" },
        { "models:\n  - input: 1\n    output: 1\n", 2, "needs `model`, `input` and `output`" },
        { "models:\n  - model: a\n    input: -1\n    output: 1\n", 2, "negative price" },
        { "models: {}\n", 1, "`models` must be a list" },
    };

    [Theory]
    [MemberData(nameof(BadEntries))]
    public void Given_a_bad_price_entry_When_parsed_Then_it_is_skipped_with_its_line(string yaml, int line, string message)
    {
        var warnings = new List<DiscoveryWarning>();

        var prices = PriceCatalog.Parse(yaml, "prices.yaml", warnings);

        Assert.Empty(prices);
        Assert.Contains(warnings, warning => warning.Line == line && warning.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Given_bad_trait_and_role_values_When_parsed_Then_warnings_name_them_and_the_rest_is_kept()
    {
        var warnings = new List<DiscoveryWarning>();

        var traits = TraitCatalog.Parse("models:\n  - model: m\n    agent: cursor\n    code: 11\n    review: 7\n", "t.yaml", warnings);
        var roles = RoleCatalog.Parse("roles:\n  - name: r\n    persona: p\n    permission: admin\n    weights: { charm: 2, code: 1 }\n", "r.yaml", warnings);

        Assert.Equal(7, Assert.Single(traits).Rating(ModelTrait.Review));
        Assert.Equal(5, traits[0].Rating(ModelTrait.Code));
        Assert.Null(traits[0].DefaultAgent);
        Assert.Equal(RolePermission.ReadOnly, Assert.Single(roles).Permission);
        Assert.Equal([ModelTrait.Code], roles[0].TraitWeights.Keys);
        Assert.Equal(4, warnings.Count);
        Assert.Contains(warnings, warning => warning.ToString() == "t.yaml:3:12: unknown agent `cursor` (use claude, codex, gemini, opencode)");
    }
}
