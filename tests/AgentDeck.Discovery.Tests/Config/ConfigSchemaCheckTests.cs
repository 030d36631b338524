using AgentDeck.Discovery.Config.Checking;
using AgentDeck.Discovery.Tests.Support;

namespace AgentDeck.Discovery.Tests.Config;

/// <summary>config.toml checked against the shipped schema: what is wrong, where, and how bad.</summary>
public sealed class ConfigSchemaCheckTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    private IReadOnlyList<ConfigProblem> Check(string toml) =>
        ConfigFilesCheck.CheckToml(_home.Write(".config/agentdeck/config.toml", toml), ConfigSchema.Default);

    [Fact]
    public void Given_the_documented_config_When_checked_Then_there_is_nothing_to_say()
    {
        var problems = Check("""
            [limits]
            max_concurrency = 4
            run_timeout_seconds = 1800
            max_output_bytes = 50000000
            run_budget_usd = 2.0
            global_budget_usd = 20
            global_warning_fraction = 0.8

            [tui]
            theme = "dark"

            [keys]
            spawn = "n"
            kill = ["x", "Ctrl+k"]

            [profiles.fast]
            agent = "claude"
            model = "claude-haiku-5-5"
            args = ["--max-turns", "30"]
            env = { CLAUDE_CODE_MAX_RETRIES = "2", DEBUG = 1 }

            [routing]
            min_runs = 5
            forbid = ["gpt-5-nano"]

            [routing.roles.review]
            model = "claude-opus-5-5"
            max_cost_usd = 0.50
            fallback = "deep"
            """);

        Assert.Empty(problems);
    }

    [Fact]
    public void Given_a_misspelled_key_When_checked_Then_a_warning_at_its_line_suggests_the_known_key()
    {
        var problem = Assert.Single(Check("[limits]\nmax_concurency = 4\n"));

        Assert.Equal((ConfigProblemSeverity.Warning, 2, 1), (problem.Severity, problem.Line, problem.Column));
        Assert.Contains("unknown key limits.max_concurency", problem.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean limits.max_concurrency?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_misspelled_key_in_a_named_profile_When_checked_Then_the_suggestion_keeps_the_profile_name()
    {
        var problem = Assert.Single(Check("[profiles.fast]\nagent = \"claude\"\nmodle = \"x\"\n"));

        Assert.Contains("did you mean profiles.fast.model?", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_unknown_key_close_to_nothing_When_checked_Then_the_warning_lists_the_known_keys()
    {
        var problem = Assert.Single(Check("[tui]\nwallpaper = \"x\"\n"));

        Assert.Contains("known keys in [tui]: theme, budget_usd, max_concurrency", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[limits]\nmax_concurrency = \"four\"\n", "limits.max_concurrency must be a whole number such as 4, not a string")]
    [InlineData("[limits]\nrun_budget_usd = \"lots\"\n", "limits.run_budget_usd must be a number such as 2.5, not a string")]
    [InlineData("[limits]\nglobal_budget_usd = inf\n", "limits.global_budget_usd must be a number such as 2.5, not a float that is not finite")]
    [InlineData("[limits]\nrun_budget_usd = -0.5\n", "limits.run_budget_usd cannot be negative (-0.5)")]
    [InlineData("[limits]\nglobal_budget_usd = -3\n", "limits.global_budget_usd cannot be negative (-3)")]
    [InlineData("[limits]\nmax_concurrency = 0\n", "limits.max_concurrency must be at least 1, not 0")]
    [InlineData("[limits]\nglobal_warning_fraction = 1.5\n", "limits.global_warning_fraction must be at most 1, not 1.5")]
    [InlineData("[routing]\nforbid = \"gpt-5\"\n", "routing.forbid must be an array of strings")]
    [InlineData("[routing.roles.review]\nmax_cost_usd = -1\n", "routing.roles.review.max_cost_usd cannot be negative")]
    [InlineData("limits = 4\n", "limits must be a table, not an integer")]
    public void Given_a_value_of_the_wrong_type_or_range_When_checked_Then_it_is_an_error_at_the_value(string toml, string message)
    {
        var problem = Assert.Single(Check(toml));

        Assert.Equal(ConfigProblemSeverity.Error, problem.Severity);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
    }

    [Fact]
    public void Given_a_malformed_file_When_checked_Then_it_is_one_error_naming_line_and_column()
    {
        var problem = Assert.Single(Check("[limits]\nmax_concurrency = = 4\n"));

        Assert.Equal((ConfigProblemSeverity.Error, 2), (problem.Severity, problem.Line));
        Assert.NotNull(problem.Column);
        Assert.EndsWith("fix the file's TOML", problem.Message, StringComparison.Ordinal);
        Assert.StartsWith(_home.PathOf(".config/agentdeck/config.toml") + ":2:", problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_schema_as_data_When_a_table_is_added_Then_the_checker_follows_it_without_code()
    {
        var schema = ConfigSchema.Parse("tables:\n  \"\":\n    mcp: table\n  mcp:\n    port: { type: integer, min: 1 }\n");

        var problems = ConfigSchemaCheck.Check(
            new ConfigNode(ConfigValueKind.Table, 1, 1)
            {
                Entries = [KeyValuePair.Create("mcp", new ConfigNode(ConfigValueKind.Table, 1, 1)
                {
                    Entries = [KeyValuePair.Create("prot", new ConfigNode(ConfigValueKind.Integer, 2, 8) { Number = 80 })],
                })],
            },
            schema,
            "any-reader");

        Assert.Contains("did you mean mcp.port?", Assert.Single(problems).Message, StringComparison.Ordinal);
    }
}
