namespace AgentDeck.Cli.Tests;

/// <summary>Every verb that reads the configuration says what is wrong in it; run refuses to start on an error.</summary>
public sealed class ConfigProblemsTests : IDisposable
{
    private readonly TempHome _home = new();

    public ConfigProblemsTests() => Directory.CreateDirectory(Project);

    public void Dispose() => _home.Dispose();

    private string Project => Path.Combine(_home.Path, "project");

    private string UserConfig => Path.Combine(_home.Path, "user-home", ".config", "agentdeck");

    private Task<CliRun> Agentdeck(params string[] args) => CliRun.InvokeAsync(_home.Path, args, cwd: Project);

    private string WriteProjectConfig(string toml)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Project, ".agentdeck")).FullName;
        File.WriteAllText(Path.Combine(folder, "config.toml"), toml);
        return Path.Combine(folder, "config.toml");
    }

    [Theory]
    [InlineData("[limits]\nmax_concurrency = \"four\"\n", ":2:19: error: limits.max_concurrency must be a whole number such as 4, not a string")]
    [InlineData("[limits]\nrun_budget_usd = -1\n", ":2:18: error: limits.run_budget_usd cannot be negative (-1)")]
    [InlineData("[limits]\nrun_budget_usd = \"cheap\"\n", ":2:18: error: limits.run_budget_usd must be a number such as 2.5, not a string")]
    [InlineData("[limits\nmax_concurrency = 4\n", ":1:8: error: ")]
    public async Task Given_an_error_in_the_projects_config_When_running_Then_run_fails_with_one_line_before_any_run_exists(string toml, string expected)
    {
        var file = WriteProjectConfig(toml);

        var run = await Agentdeck("run", "--agent", "claude", "--detach", "hello");
        var runs = await Agentdeck("runs", "--json");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"agentdeck: {file}{expected}", line, StringComparison.Ordinal);
        Assert.Contains("nothing was started", line, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        Assert.DoesNotContain("\"id\"", runs.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_malformed_user_roles_file_When_running_Then_run_refuses_naming_the_file_and_line()
    {
        Directory.CreateDirectory(UserConfig);
        File.WriteAllText(Path.Combine(UserConfig, "roles.yaml"), "roles: [\n");

        var run = await Agentdeck("run", "--agent", "claude", "--detach", "hello");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{Path.Combine(UserConfig, "roles.yaml")}:2:1: error: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_misspelled_key_When_a_reporting_verb_runs_Then_it_warns_with_a_suggestion_and_succeeds()
    {
        var file = WriteProjectConfig("[limits]\nmax_concurency = 4\n");

        var doctor = await Agentdeck("profiles");

        Assert.Equal(0, doctor.ExitCode);
        Assert.Contains($"agentdeck: {file}:2:1: warning: unknown key limits.max_concurency (ignored); did you mean limits.max_concurrency?", doctor.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_error_in_the_config_When_asking_for_help_Then_help_is_still_shown()
    {
        WriteProjectConfig("[limits]\nrun_budget_usd = -1\n");

        var help = await Agentdeck("run", "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--detach", help.Out, StringComparison.Ordinal);
    }
}
