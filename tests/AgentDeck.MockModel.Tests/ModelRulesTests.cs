using System.Net;
using System.Text.Json.Nodes;
using AgentDeck.MockModel.Conversations;
using AgentDeck.MockModel.Planning;
using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.MockModel.Tests;

/// <summary>Scenario <c>models:</c> rules: a model the API does not know, or a model that always fails.</summary>
public sealed class ModelRulesTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Yaml = """
        - name: per-model
          models:
            bogus*: reject
            mock-fast: { status: 500, message: fast is down }
          steps:
            - reply:
                - text: answered by the deep model
        """;

    [Fact]
    public void Given_a_models_mapping_When_read_Then_each_model_gets_its_rule()
    {
        var scenario = Assert.Single(ScenarioYamlReader.Read(Yaml, "test.yaml"));

        Assert.True(scenario.RuleFor("Bogus-7")!.Rejects);
        Assert.Equal(500, scenario.RuleFor("mock-fast")!.Error!.Status);
        Assert.Null(scenario.RuleFor("mock-deep"));
        Assert.Null(scenario.RuleFor(null));
    }

    [Fact]
    public void Given_a_model_value_that_is_neither_reject_nor_an_error_When_read_Then_the_error_names_the_model_and_the_line()
    {
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioYamlReader.Read("""
            - name: bad
              models:
                x: maybe
              steps:
                - reply: [ { text: hi } ]
            """, "bad.yaml"));

        Assert.Contains("model 'x'", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Given_a_failing_model_When_planned_Then_its_error_plays_and_other_models_get_the_steps()
    {
        var planner = new ScenarioPlanner(ScenarioCatalog.BuiltIn().With(ScenarioYamlReader.Read(Yaml, "test.yaml")), "plain", new FailureCounter());

        var fast = planner.Plan(AnthropicConversationReader.Read(WithModel(Requests.Anthropic("go [[S:per-model]]"), "mock-fast")), "c1");
        var deep = planner.Plan(AnthropicConversationReader.Read(WithModel(Requests.Anthropic("go [[S:per-model]]"), "mock-deep")), "c2");
        var bogus = planner.Plan(AnthropicConversationReader.Read(WithModel(Requests.Anthropic("go [[S:per-model]]"), "bogus-1")), "c3");

        Assert.Equal((StepKind.Error, 500), (fast.Step!.Kind, fast.Step.Error!.Status));
        Assert.Equal(StepKind.Reply, deep.Step!.Kind);
        Assert.Equal("bogus-1", bogus.RejectedModel);
    }

    [Fact]
    public async Task Given_the_badmodel_scenario_When_claude_asks_for_an_unknown_model_Then_it_gets_anthropics_404_not_found()
    {
        using var response = await fixture.PostAsync("/v1/messages", WithModel(Requests.Anthropic("hi [[S:badmodel]]"), "bogus-model"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(("error", "not_found_error", "model: bogus-model"),
            ((string?)body["type"], (string?)body["error"]!["type"], (string?)body["error"]!["message"]));
    }

    [Fact]
    public async Task Given_the_badmodel_scenario_When_codex_asks_for_an_unknown_model_Then_it_gets_openais_model_not_found()
    {
        using var response = await fixture.PostAsync("/v1/responses", WithModel(Requests.Responses("hi [[S:badmodel]]"), "bogus-model"));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]!;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("model_not_found", (string?)error["code"]);
        Assert.Equal("The model `bogus-model` does not exist or you do not have access to it.", (string?)error["message"]);
    }

    [Fact]
    public async Task Given_the_badmodel_scenario_When_a_known_model_asks_Then_it_answers()
    {
        using var response = await fixture.PostAsync("/v1/messages", Requests.Anthropic("hi [[S:badmodel]]", stream: false));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("a model the API knows", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonObject WithModel(JsonObject body, string model)
    {
        body["model"] = model;
        return body;
    }
}
