using AgentDeck.Core.Storage;

namespace AgentDeck.Ledger.Tests;

public sealed class AgentDeckPathsTests
{
    private static AgentDeckPaths Resolve(Dictionary<string, string> variables) =>
        AgentDeckPaths.Resolve(name => variables.GetValueOrDefault(name), "/home/ada");

    [Fact]
    public void Given_AGENTDECK_HOME_When_resolving_Then_it_wins_over_XDG()
    {
        var paths = Resolve(new() { ["AGENTDECK_HOME"] = "/srv/deck", ["XDG_STATE_HOME"] = "/xdg/state" });

        Assert.Equal("/srv/deck", paths.StateDirectory);
        Assert.Equal("/srv/deck/ledger.db", paths.LedgerFile);
    }

    [Fact]
    public void Given_XDG_STATE_HOME_When_resolving_Then_state_lives_in_its_agentdeck_folder()
    {
        Assert.Equal("/xdg/state/agentdeck", Resolve(new() { ["XDG_STATE_HOME"] = "/xdg/state" }).StateDirectory);
    }

    [Fact]
    public void Given_a_relative_XDG_STATE_HOME_When_resolving_Then_it_is_ignored_as_the_spec_says()
    {
        Assert.Equal("/home/ada/.local/state/agentdeck", Resolve(new() { ["XDG_STATE_HOME"] = "relative/state" }).StateDirectory);
    }

    [Fact]
    public void Given_nothing_set_When_resolving_Then_state_is_under_local_state()
    {
        Assert.Equal("/home/ada/.local/state/agentdeck", Resolve(new() { ["AGENTDECK_HOME"] = " " }).StateDirectory);
    }

    [Fact]
    public void Given_a_run_id_When_asking_for_its_logs_Then_they_live_in_its_own_folder()
    {
        var paths = new AgentDeckPaths("/s");

        Assert.Equal("/s/runs/05a1b2c3d4/stdout.log", paths.StdoutLog("05a1b2c3d4"));
        Assert.Equal("/s/runs/05a1b2c3d4/stderr.log", paths.StderrLog("05a1b2c3d4"));
    }

    [Fact]
    public void Given_something_that_is_not_a_run_id_When_asking_for_its_folder_Then_it_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new AgentDeckPaths("/s").RunDirectory("../../etc"));
    }

    [Fact]
    public void Names_never_collide_with_the_unrelated_agent_deck_tool()
    {
        var paths = Resolve(new());

        Assert.DoesNotContain("agent-deck", paths.StateDirectory, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AGENT_DECK", AgentDeckPaths.HomeVariable, StringComparison.Ordinal);
    }
}
