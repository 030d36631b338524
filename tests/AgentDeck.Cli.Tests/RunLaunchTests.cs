namespace AgentDeck.Cli.Tests;

public sealed class RunLaunchTests : IDisposable
{
    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    private string UserHome => Path.Combine(_home.Path, "user-home");

    [Fact]
    public async Task Given_an_unknown_profile_When_running_Then_a_usage_error_lists_the_agents_known_profiles_and_no_run_is_created()
    {
        var config = Path.Combine(UserHome, ".config", "agentdeck");
        Directory.CreateDirectory(config);
        await File.WriteAllTextAsync(Path.Combine(config, "config.toml"),
            "[profiles.fast]\nagent = \"claude\"\nmodel = \"claude-haiku-4-5\"\n\n[profiles.deep]\nagent = \"claude\"\nmodel = \"claude-opus-4-1\"\n");

        var run = await CliRun.InvokeAsync(_home.Path, ["run", "--agent", "claude", "--profile", "turbo", "--detach", "hello"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown profile 'turbo' for claude: use one of", run.Error, StringComparison.Ordinal);
        Assert.Contains("fast", run.Error, StringComparison.Ordinal);
        Assert.Contains("deep", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_home.Path, "ledger.db")) && (await CliRun.InvokeAsync(_home.Path, ["runs", "--json"])).Out.Contains("\"id\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_a_user_defined_role_in_roles_yaml_Then_it_is_known_and_an_unknown_role_lists_it()
    {
        var config = Path.Combine(UserHome, ".config", "agentdeck");
        Directory.CreateDirectory(config);
        await File.WriteAllTextAsync(Path.Combine(config, "roles.yaml"),
            "roles:\n  - name: docs\n    persona: You write documentation.\n    permission: read-only\n");

        var run = await CliRun.InvokeAsync(_home.Path, ["run", "--agent", "claude", "--role", "poet", "--detach", "hello"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown role 'poet'", run.Error, StringComparison.Ordinal);
        Assert.Contains("docs", run.Error, StringComparison.Ordinal);
        Assert.Contains("review", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_neither_an_agent_nor_a_role_When_running_Then_a_usage_error_says_to_give_one()
    {
        var run = await CliRun.InvokeAsync(_home.Path, ["run", "--detach", "hello"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("give --agent, or --role to run the role's route", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_role_with_no_route_When_running_without_an_agent_Then_it_exits_1_listing_each_agent_and_creates_no_run()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_home.Path, "empty-bin")).FullName;

        var run = await CliRun.InvokeAsync(_home.Path, ["run", "--role", "review", "--detach", "hello"], path: bin);
        var runs = await CliRun.InvokeAsync(_home.Path, ["runs", "--json"], path: bin);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("agentdeck: role review has no route: no agent with a usable model was found; fix:", run.Error, StringComparison.Ordinal);
        Assert.Contains("  claude: not installed (not on PATH)", run.Error, StringComparison.Ordinal);
        Assert.Contains("  codex: not installed (not on PATH)", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("\"id\"", runs.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_unknown_role_When_running_without_an_agent_Then_the_known_roles_are_listed()
    {
        var run = await CliRun.InvokeAsync(_home.Path, ["run", "--role", "poet", "--detach", "hello"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown role 'poet': use one of requirements, architecture, security, testing, implementation, review, ops", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_an_agent_routing_knows_no_model_of_When_running_a_role_Then_the_agent_runs_unrouted_on_its_own_default()
    {
        var bin = Directory.CreateDirectory(Path.Combine(_home.Path, "empty-bin")).FullName;

        var run = await CliRun.InvokeAsync(_home.Path, ["run", "--agent", "opencode", "--role", "review", "--detach", "hello"], path: bin);

        // Not refused by routing: the launch goes on, and stops only because opencode is not on this PATH.
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("has no route", run.Error, StringComparison.Ordinal);
        Assert.Contains("opencode is not installed", run.Error, StringComparison.Ordinal);
    }
}
