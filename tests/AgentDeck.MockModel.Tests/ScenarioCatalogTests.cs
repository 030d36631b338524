using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.MockModel.Tests;

public sealed class ScenarioCatalogTests
{
    [Theory]
    [InlineData("plain")]
    [InlineData("partial")]
    [InlineData("tools")]
    [InlineData("deny")]
    [InlineData("toolerr")]
    [InlineData("read")]
    [InlineData("slow")]
    [InlineData("steer")]
    [InlineData("err500")]
    [InlineData("err429")]
    [InlineData("err529")]
    [InlineData("err401")]
    [InlineData("err400")]
    [InlineData("errstream")]
    [InlineData("err500x1")]
    public void Given_the_built_in_catalog_Then_it_ships_the_scenario(string name)
    {
        var scenario = ScenarioCatalog.BuiltIn().Find(name);

        Assert.NotNull(scenario);
        Assert.Equal(ScenarioCatalog.BuiltInSource, scenario.Source);
    }

    [Fact]
    public void Given_an_error_scenario_When_asked_with_an_xN_suffix_Then_it_fails_N_times_then_answers()
    {
        var scenario = ScenarioCatalog.BuiltIn().Find("err429x3");

        Assert.NotNull(scenario);
        Assert.Equal(3, scenario.Steps[0].Times);
        Assert.Equal(429, scenario.Steps[0].Error!.Status);
        Assert.Equal(new TextBlock("Recovered after 3 failures."), Assert.Single(scenario.Steps[1].Blocks));
    }

    [Theory]
    [InlineData("plainx2")]
    [InlineData("nothing")]
    [InlineData("err500x0")]
    public void Given_a_name_that_is_neither_known_nor_a_failure_repeat_Then_it_is_not_found(string name)
    {
        Assert.Null(ScenarioCatalog.BuiltIn().Find(name));
    }

    [Fact]
    public void Given_a_user_file_When_loaded_Then_its_scenarios_add_to_and_replace_built_in_ones()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mock-scenarios-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "- name: plain\n  steps: [ { reply: [ { text: Mine. } ] } ]\n- name: extra\n  steps: [ { reply: [ { text: More. } ] } ]\n");
        try
        {
            var catalog = ScenarioCatalog.Load([path]);

            Assert.Equal(new TextBlock("Mine."), catalog.Find("plain")!.Steps[0].Blocks[0]);
            Assert.Equal(path, catalog.Find("extra")!.Source);
            Assert.NotNull(catalog.Find("tools"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
