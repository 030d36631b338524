using System.Text;
using System.Text.Json.Nodes;
using AgentDeck.Agents.Drivers;
using AgentDeck.Core;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Tests.Drivers;

public sealed class ClaudeDriverTests
{
    private static IAgentDriver Driver(string prompt = "[[S:steer]] do the first task") =>
        new AgentDriverFactory().Create(Launches.Of(AgentKind.Claude, prompt: prompt));

    [Fact]
    public void Given_the_recorded_steer_run_Then_prompt_and_steer_lines_have_the_recorded_shape()
    {
        var recorded = DriverTranscripts.Lines("claude-05-stdin-steer.stdin.ndjson");
        var driver = Driver();

        var written = driver.OnStarted().Concat(driver.Steer("[[S:steer2]] actually, do something else instead").StdinLines).ToList();

        Assert.Equal(recorded.Count, written.Count);
        for (var i = 0; i < recorded.Count; i++)
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(recorded[i]), JsonNode.Parse(written[i])), written[i]);
        }
    }

    [Fact]
    public void Given_a_prompt_with_quotes_and_newlines_Then_the_line_is_one_line_of_valid_json_carrying_it_verbatim()
    {
        const string prompt = "say \"hi\"\nthen \\ leave\t\u0001 — ünïcode";

        var line = Assert.Single(Driver(prompt).OnStarted());

        Assert.DoesNotContain('\n', line);
        Assert.Equal(prompt, (string?)JsonNode.Parse(line)!["message"]!["content"]);
    }

    [Fact]
    public void Given_a_prompt_with_a_lone_surrogate_Then_the_line_is_still_written()
    {
        var line = Assert.Single(Driver("broken \ud800 paste").OnStarted());

        Assert.Equal("broken \ufffd paste", (string?)JsonNode.Parse(line)!["message"]!["content"]);
    }

    [Fact]
    public void Given_two_interrupts_Then_each_is_a_control_request_with_a_fresh_request_id()
    {
        var driver = Driver();

        var first = JsonNode.Parse(Assert.Single(driver.Interrupt()!))!;
        var second = JsonNode.Parse(Assert.Single(driver.Interrupt()!))!;

        Assert.Equal("control_request", (string?)first["type"]);
        Assert.Equal("interrupt", (string?)first["request"]!["subtype"]);
        Assert.NotEqual((string?)first["request_id"], (string?)second["request_id"]);
    }

    [Fact]
    public void Given_a_result_line_Then_the_turn_is_finished_and_a_steer_starts_the_next_one()
    {
        var driver = Driver();
        driver.OnStarted();
        driver.OnStdoutLine("""{"type":"assistant","message":{"content":[{"type":"text","text":"{\"type\":\"result\"}"}]}}"""u8);
        Assert.False(driver.TurnFinished);

        driver.OnStdoutLine("""{"type":"result","subtype":"success","is_error":false}"""u8);
        Assert.True(driver.TurnFinished);

        var plan = driver.Steer("next");
        Assert.False(plan.ResumeAfterTurn);
        Assert.Single(plan.StdinLines);
        Assert.False(driver.TurnFinished);
    }

    [Fact]
    public void Given_the_whole_recorded_stdout_Then_the_driver_writes_nothing_back_and_ends_finished()
    {
        var driver = Driver();
        driver.OnStarted();

        foreach (var line in DriverTranscripts.Lines("claude-05-stdin-steer.ndjson"))
        {
            Assert.Empty(driver.OnStdoutLine(Encoding.UTF8.GetBytes(line)));
        }

        Assert.True(driver.TurnFinished);
        Assert.True(driver.IsLive);
    }

    [Theory]
    [MemberData(nameof(Garbage.Lines), MemberType = typeof(Garbage))]
    public void Given_garbage_on_stdout_Then_nothing_is_written_and_nothing_throws(byte[] line)
    {
        var driver = Driver();
        driver.OnStarted();

        Assert.Empty(driver.OnStdoutLine(line));
        Assert.False(driver.TurnFinished);
    }
}
