using AgentDeck.MockModel.Conversations;
using AgentDeck.MockModel.Planning;
using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.MockModel.Tests;

public sealed class ScenarioPlannerTests
{
    private readonly ScenarioPlanner _planner = new(ScenarioCatalog.BuiltIn(), "plain", new FailureCounter());

    [Fact]
    public void Given_no_marker_When_planned_Then_the_default_scenario_plays_its_first_step()
    {
        var turn = _planner.Plan(AnthropicConversationReader.Read(Requests.Anthropic("hello")), "c1");

        Assert.Equal("plain", turn.ScenarioName);
        Assert.Equal(0, turn.StepIndex);
        Assert.Null(turn.Problem);
    }

    [Fact]
    public void Given_the_results_of_step_one_When_planned_Then_step_two_plays()
    {
        var body = Requests.Anthropic("go [[S:tools]]", true, Requests.AssistantToolUse("toolu_mock_tools_0_1"), Requests.ToolResult("toolu_mock_tools_0_1"));

        var turn = _planner.Plan(AnthropicConversationReader.Read(body), "c1");

        Assert.Equal(("tools", 1), (turn.ScenarioName, turn.StepIndex));
        Assert.IsType<ShellBlock>(turn.Step!.Blocks[0]);
    }

    [Fact]
    public void Given_codex_call_outputs_When_planned_Then_the_step_follows_the_last_answered_one()
    {
        var body = Requests.Responses("go [[S:tools]]", true,
            Requests.CallOutput("call_mock_tools_0_1", "custom_tool_call_output"),
            Requests.CallOutput("call_mock_tools_1_0"));

        var turn = _planner.Plan(ResponsesConversationReader.Read(body), "c1");

        Assert.Equal(2, turn.StepIndex);
        Assert.IsType<EditFileBlock>(turn.Step!.Blocks[0]);
    }

    [Fact]
    public void Given_a_tool_result_no_step_issued_When_planned_Then_the_problem_names_it_and_the_expected_step()
    {
        var body = Requests.Anthropic("go [[S:tools]]", true, Requests.ToolResult("toolu_mock_tools_0_1"), Requests.ToolResult("toolu_other"));

        var turn = _planner.Plan(AnthropicConversationReader.Read(body), "c1");

        Assert.Null(turn.Step);
        Assert.Contains("scenario 'tools' got a tool result for 'toolu_other'", turn.Problem);
        var line = ScenarioCatalog.BuiltIn().Find("tools")!.Steps[0].Line;
        Assert.EndsWith($"it expected the results of step 1 (line {line}): *_mock_tools_0_1.", turn.Problem);
    }

    [Fact]
    public void Given_the_final_answer_is_already_in_the_conversation_When_planned_Then_the_steps_are_exhausted()
    {
        var body = Requests.Anthropic("hi [[S:plain]]", true, Requests.AssistantText("Hello from mock model."),
            new System.Text.Json.Nodes.JsonObject { ["role"] = "user", ["content"] = "and now?" });

        var turn = _planner.Plan(AnthropicConversationReader.Read(body), "c1");

        Assert.Null(turn.Step);
        Assert.Contains("scenario 'plain' has no step left (all 1 were played)", turn.Problem);
        Assert.Contains("\"and now?\"", turn.Problem);
    }

    [Fact]
    public void Given_an_unknown_scenario_When_planned_Then_the_problem_lists_the_known_ones()
    {
        var turn = _planner.Plan(AnthropicConversationReader.Read(Requests.Anthropic("x [[S:nope]]")), "c1");

        Assert.Contains("unknown scenario 'nope'", turn.Problem);
        Assert.Contains("err500", turn.Problem);
    }

    [Fact]
    public void Given_fail_once_When_the_same_conversation_retries_Then_it_fails_once_and_then_answers()
    {
        var conversation = AnthropicConversationReader.Read(Requests.Anthropic("x [[S:err500x1]]"));

        var first = _planner.Plan(conversation, "c1");
        var second = _planner.Plan(conversation, "c1");
        var otherConversation = _planner.Plan(conversation, "c2");

        Assert.Equal(StepKind.Error, first.Step!.Kind);
        Assert.Equal(StepKind.Reply, second.Step!.Kind);
        Assert.Equal(1, second.StepIndex);
        Assert.Equal(StepKind.Error, otherConversation.Step!.Kind);
    }

    [Fact]
    public void Given_an_error_without_times_When_retried_Then_it_fails_every_time()
    {
        var conversation = ResponsesConversationReader.Read(Requests.Responses("x [[S:err429]]"));

        Assert.All(Enumerable.Range(0, 4), _ => Assert.Equal(429, _planner.Plan(conversation, "c1").Step!.Error!.Status));
    }

    [Fact]
    public void Given_a_later_marker_When_planned_Then_it_picks_the_scenario_and_ignores_earlier_results()
    {
        var body = Requests.Anthropic("go [[S:tools]]", true,
            Requests.ToolResult("toolu_mock_tools_0_1"),
            new System.Text.Json.Nodes.JsonObject { ["role"] = "user", ["content"] = "again [[S:resume]]" });

        var turn = _planner.Plan(AnthropicConversationReader.Read(body), "c1");

        Assert.Equal(("resume", 0), (turn.ScenarioName, turn.StepIndex));
    }

    [Fact]
    public void Given_a_steering_message_that_switches_scenario_When_the_old_tool_result_follows_Then_it_is_ignored()
    {
        var body = Requests.Anthropic("work [[S:steer]]", true,
            Requests.AssistantToolUse("toolu_mock_steer_0_0"),
            new System.Text.Json.Nodes.JsonObject { ["role"] = "system", ["content"] = "The user sent a new message while you were working: [[S:steer2]]" },
            Requests.ToolResult("toolu_mock_steer_0_0", "slept"));

        var turn = _planner.Plan(AnthropicConversationReader.Read(body), "c1");

        Assert.Equal(("steer2", 0), (turn.ScenarioName, turn.StepIndex));
        Assert.Null(turn.Problem);
    }

    [Theory]
    [InlineData("tools", "tools")]
    [InlineData("my scenario/v2", "my-scenario-v2")]
    public void Given_a_scenario_name_When_ids_are_made_Then_they_parse_back_to_tag_step_and_block(string scenario, string tag)
    {
        Assert.True(ToolCallIds.TryParse(ToolCallIds.Anthropic(scenario, 3, 1), out var parsedTag, out var step, out var block));
        Assert.Equal((tag, 3, 1), (parsedTag, step, block));
        Assert.True(ToolCallIds.TryParse(ToolCallIds.Responses(scenario, 0, 2), out parsedTag, out step, out block));
        Assert.Equal((tag, 0, 2), (parsedTag, step, block));
    }
}
