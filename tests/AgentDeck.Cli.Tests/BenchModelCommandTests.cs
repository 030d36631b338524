namespace AgentDeck.Cli.Tests;

/// <summary><c>agentdeck bench-model</c> before anything runs: the profile must exist and spending needs --yes.</summary>
public sealed class BenchModelCommandTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Given_an_unknown_profile_When_benching_Then_a_usage_error_lists_the_known_profiles()
    {
        await WriteConfigAsync();

        var run = await CliRun.InvokeAsync(_home.Path, ["bench-model", "--profile", "turbo"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown profile 'turbo': use one of fast", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_no_yes_When_benching_Then_the_plan_and_its_cost_are_shown_and_nothing_runs()
    {
        await WriteConfigAsync();

        var run = await CliRun.InvokeAsync(_home.Path, ["bench-model", "--profile", "fast"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("through profile fast: claude, model claude-haiku-4-5", run.Out, StringComparison.Ordinal);
        Assert.Contains("it spends tokens. Expected cost ≈ $", run.Out, StringComparison.Ordinal);
        Assert.Contains("run it again with --yes to start", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_home.Path, "ledger.db")));
        Assert.False(Directory.Exists(Path.Combine(_home.Path, "bench")));
    }

    [Fact]
    public async Task Given_a_broken_task_file_When_benching_Then_the_error_names_file_and_line()
    {
        await WriteConfigAsync();
        var tasks = Path.Combine(_home.Path, "tasks.yaml");
        await File.WriteAllTextAsync(tasks, "tasks:\n  - name: a\n    role: review\n    prompt: p\n");

        var run = await CliRun.InvokeAsync(_home.Path, ["bench-model", "--profile", "fast", "--tasks", tasks, "--yes"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"bench task file: {tasks}:2:", run.Error, StringComparison.Ordinal);
    }

    private async Task WriteConfigAsync()
    {
        var config = Directory.CreateDirectory(Path.Combine(_home.Path, "user-home", ".config", "agentdeck")).FullName;
        await File.WriteAllTextAsync(Path.Combine(config, "config.toml"), "[profiles.fast]\nagent = \"claude\"\nmodel = \"claude-haiku-4-5\"\n");
    }
}
