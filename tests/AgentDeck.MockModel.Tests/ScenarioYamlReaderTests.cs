using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.MockModel.Tests;

public sealed class ScenarioYamlReaderTests
{
    [Fact]
    public void Given_a_valid_file_When_read_Then_every_step_and_block_comes_through()
    {
        const string yaml = """
            scenarios:
              - name: demo
                description: All block types.
                steps:
                  - reply:
                      - thinking: Hmm.
                      - text: Writing.
                      - write: { path: a.txt, content: "x\n" }
                      - edit: { path: a.txt, old: x, new: y }
                      - bash: ls
                      - bash: { command: pwd, description: Where }
                      - read: a.txt
                      - tool: { name: TodoWrite, input: { todos: [ { content: A, done: false, n: 2 } ] } }
                    usage: { input_tokens: 5, output_tokens: 6, reasoning_tokens: 7 }
                    chunk_delay_ms: 10
                  - error: { status: 429, message: slow down, retry_after: 2 }
                    times: 2
                    delay_ms: 3
                  - cut: {}
            """;

        var scenario = Assert.Single(ScenarioYamlReader.Read(yaml, "demo.yaml"));

        Assert.Equal("demo", scenario.Name);
        Assert.Equal(3, scenario.Steps.Count);
        var reply = scenario.Steps[0];
        Assert.Equal(StepKind.Reply, reply.Kind);
        Assert.Equal(5, reply.Line);
        Assert.Equal(10, reply.ChunkDelayMs);
        Assert.Equal(new ScenarioUsage(5, 6, null, null, 7), reply.Usage);
        Assert.Equal(new ThinkingBlock("Hmm."), reply.Blocks[0]);
        Assert.Equal(new TextBlock("Writing."), reply.Blocks[1]);
        Assert.Equal(new WriteFileBlock("a.txt", "x\n"), reply.Blocks[2]);
        Assert.Equal(new EditFileBlock("a.txt", "x", "y"), reply.Blocks[3]);
        Assert.Equal(new ShellBlock("ls"), reply.Blocks[4]);
        Assert.Equal(new ShellBlock("pwd", "Where"), reply.Blocks[5]);
        Assert.Equal(new ReadFileBlock("a.txt"), reply.Blocks[6]);
        var tool = Assert.IsType<RawToolBlock>(reply.Blocks[7]);
        Assert.Equal("""{"todos":[{"content":"A","done":false,"n":2}]}""", tool.Input.ToJsonString());
        Assert.Equal(new ScenarioError(429, "slow down", 2), scenario.Steps[1].Error);
        Assert.Equal(2, scenario.Steps[1].Times);
        Assert.Equal(3, scenario.Steps[1].DelayMs);
        Assert.Equal(StepKind.Cut, scenario.Steps[2].Kind);
        Assert.True(scenario.Steps[2].FailsForever);
    }

    [Fact]
    public void Given_a_root_list_When_read_Then_it_is_accepted_like_a_scenarios_key()
    {
        var scenarios = ScenarioYamlReader.Read("- name: a\n  steps:\n    - reply: [ { text: hi } ]\n", "x.yaml");

        Assert.Equal("a", Assert.Single(scenarios).Name);
    }

    [Theory]
    [InlineData("scenarios:\n  - name: a\n    steps:\n      - reply: [ { text: hi }\n", 5, "invalid YAML")]
    [InlineData("scenarios:\n  - name: a\n    steps:\n      - dance: {}\n", 4, "unknown key 'dance' in a step of scenario 'a'")]
    [InlineData("scenarios:\n  - name: a\n    steps:\n      - reply:\n          - sing: la\n", 5, "unknown block type 'sing'")]
    [InlineData("scenarios:\n  - name: a\n    steps:\n      - reply:\n          - write: { path: x }\n", 5, "'write' is missing the required key 'content'")]
    [InlineData("scenarios:\n  - name: a\n    steps:\n      - error: { message: boom }\n", 4, "'error' is missing the required key 'status'")]
    [InlineData("scenarios:\n  - name: a\n    steps:\n      - error: { status: 200 }\n", 4, "'status' must be a whole number >= 400")]
    [InlineData("scenarios:\n  - name: a\n    steps:\n      - reply: [ { text: hi } ]\n        times: 2\n", 5, "'times' applies only to error and cut steps")]
    [InlineData("scenarios:\n  - name: a\n    steps:\n      - reply: [ { text: hi } ]\n        error: { status: 500 }\n", 4, "exactly one of: reply, error, cut")]
    [InlineData("scenarios:\n  - name: a\n    steps: []\n", 3, "scenario 'a' has no steps")]
    [InlineData("scenarios:\n  - steps:\n      - reply: [ { text: hi } ]\n", 2, "a scenario is missing the required key 'name'")]
    [InlineData("scenarios:\n  - name: a b\n    steps:\n      - reply: [ { text: hi } ]\n", 2, "must not contain spaces")]
    [InlineData("- name: a\n  steps: [ { reply: [ { text: x } ] } ]\n- name: a\n  steps: [ { reply: [ { text: y } ] } ]\n", 3, "scenario 'a' is defined twice")]
    [InlineData("scenarios:\n  - name: a\n    steps:\n      - reply: [ { text: hi } ]\n        delay_ms: soon\n", 5, "'delay_ms' must be a whole number >= 0")]
    public void Given_a_bad_file_When_read_Then_the_error_names_file_line_and_problem(string yaml, int line, string problem)
    {
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioYamlReader.Read(yaml, "bad.yaml"));

        Assert.Equal("bad.yaml", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"bad.yaml:{line}:", error.Message);
    }

    [Fact]
    public void Given_a_file_on_disk_When_it_is_bad_Then_the_message_names_its_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"mock-scenarios-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "scenarios:\n  - name: a\n    steps:\n      - reply:\n          - write: nope\n");
        try
        {
            var error = Assert.Throws<ScenarioFormatException>(() => ScenarioYamlReader.ReadFile(path));

            Assert.StartsWith($"{path}:5:20: 'write' must be a mapping", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Given_a_missing_file_When_read_Then_the_message_says_it_cannot_be_read()
    {
        var error = Assert.Throws<ScenarioFormatException>(() => ScenarioYamlReader.ReadFile("/nonexistent/scenarios.yaml"));

        Assert.Contains("/nonexistent/scenarios.yaml", error.Message);
        Assert.Contains("cannot read the scenario file", error.Message);
    }
}
