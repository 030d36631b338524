using AgentDeck.Discovery.Config.Checking;
using AgentDeck.Discovery.Tests.Support;

namespace AgentDeck.Discovery.Tests.Config;

/// <summary>Every file AgentDeck reads is checked: both config.toml files and the user's data files.</summary>
public sealed class ConfigFilesCheckTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    private string UserConfig => _home.PathOf(".config/agentdeck");

    [Fact]
    public void Given_no_files_When_checked_Then_there_is_nothing_to_say()
    {
        Assert.Empty(ConfigFilesCheck.Check(UserConfig, _home.PathOf("project")));
    }

    [Fact]
    public void Given_problems_in_the_users_and_the_projects_config_When_checked_Then_each_names_its_own_file()
    {
        var user = _home.Write(".config/agentdeck/config.toml", "[limits]\nmax_concurency = 4\n");
        var project = _home.Write("project/.agentdeck/config.toml", "[limits]\nrun_budget_usd = \"two\"\n");

        var problems = ConfigFilesCheck.Check(UserConfig, _home.PathOf("project"));

        Assert.Equal([(user, ConfigProblemSeverity.Warning), (project, ConfigProblemSeverity.Error)], problems.Select(p => (p.Source, p.Severity)));
    }

    [Theory]
    [InlineData("prices.yaml", "models:\n  - model: x\n    input: [1\n", 4)]
    [InlineData("prices.yaml", "models:\n  - model: x\n    input: abc\n    output: 1\n", 3)]
    [InlineData("roles.yaml", "roles: [\n", 2)]
    [InlineData("model-traits.yaml", "models: 4\n", 1)]
    public void Given_a_malformed_data_file_When_checked_Then_it_is_an_error_at_its_line(string file, string yaml, int line)
    {
        var path = _home.Write(".config/agentdeck/" + file, yaml);

        var problems = ConfigFilesCheck.Check(UserConfig, null);

        Assert.Contains(problems, p => p.Source == path && p.IsError && p.Line == line);
    }
}
