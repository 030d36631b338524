using AgentDeck.Cli.Commands.Tui;

namespace AgentDeck.Cli.Tests;

public sealed class TuiConfigLayersTests : IDisposable
{
    private readonly TempHome _home = new();

    [Fact]
    public void Given_user_and_project_config_when_loaded_then_the_project_wins_entry_by_entry_and_the_rest_is_kept()
    {
        var user = Write("user/config.toml", "[tui]\ntheme = \"light\"\n\n[keys]\nspawn = \"N\"\n");
        Write("repo/.agentdeck/config.toml", "[tui]\ntheme = \"high-contrast\"\n\n[keys]\nquit = [\"Q\", \"Ctrl+q\"]\n");

        var settings = TuiConfig.Load(user, Path.Combine(_home.Path, "repo"));

        Assert.Equal("high-contrast", settings.Theme);
        Assert.Equal(["N"], settings.Keys["spawn"]);
        Assert.Equal(["Q", "Ctrl+q"], settings.Keys["quit"]);
        Assert.Empty(settings.Messages);
    }

    [Fact]
    public void Given_a_config_from_before_with_screen_only_limits_when_loaded_then_each_is_named_with_its_limits_replacement()
    {
        var user = Write("user/config.toml", "[tui]\nbudget_usd = 5.0\nmax_concurrency = 3\n");

        var settings = TuiConfig.Load(user, projectDirectory: null);

        Assert.Equal(
        [
            $"{user}: [tui] budget_usd = 5.0 is no longer read: the cost guard enforces [limits] global_budget_usd; move it there (the Cost tab shows [limits]).",
            $"{user}: [tui] max_concurrency = 3 is no longer read: the cost guard enforces [limits] max_concurrency; move it there (the Cost tab shows [limits]).",
        ], settings.Messages);
    }

    [Fact]
    public void Given_a_broken_project_config_when_loaded_then_the_user_settings_stay_and_the_problem_is_named()
    {
        var user = Write("user/config.toml", "[tui]\ntheme = \"light\"\n");
        var project = Write("repo/.agentdeck/config.toml", "[tui\ntheme = ");

        var settings = TuiConfig.Load(user, Path.Combine(_home.Path, "repo"));

        Assert.Equal("light", settings.Theme);
        Assert.Contains(settings.Messages, m => m.Contains(project, StringComparison.Ordinal) || m.Contains("default screen settings", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_no_project_config_when_loaded_then_the_user_file_alone_counts() =>
        Assert.Equal("light", TuiConfig.Load(Write("user/config.toml", "[tui]\ntheme = \"light\"\n"), Path.Combine(_home.Path, "nowhere")).Theme);

    public void Dispose() => _home.Dispose();

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_home.Path, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
