using AgentDeck.Cli.Commands.Demo.Live;
using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.Cli.Tests;

/// <summary>
/// A real agent CLI ends its turn at the first model reply that calls no tool, so a demo script plays out whole with
/// the real CLIs only when every reply but its last calls a tool; and a read-only worker's tools must be ones its
/// read-only permissions allow, or the demo shows denials instead of work.
/// </summary>
public sealed class DemoScenarioTests
{
    private static readonly IReadOnlyList<Scenario> Scenarios =
        ScenarioYamlReader.Read(DemoResources.Text(DemoResources.Scenarios), DemoResources.Scenarios);

    public static TheoryData<string> ScenarioNames => new(Scenarios.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(ScenarioNames))]
    public void Every_reply_but_the_last_calls_a_tool_so_a_real_CLI_plays_the_whole_script(string name)
    {
        var replies = Scenarios.Single(s => s.Name == name).Steps.Where(s => s.Kind == StepKind.Reply).ToList();

        var stopsEarly = replies.SkipLast(1).Select((step, index) => (step, index)).Where(p => !p.step.HasToolCalls).Select(p => p.index + 1);

        Assert.Empty(stopsEarly);
        Assert.False(replies[^1].HasToolCalls, $"{name}: the last reply should be the answer, with no tool call");
    }

    [Fact]
    public void A_read_only_claude_worker_calls_only_the_tools_its_read_only_permissions_allow()
    {
        var readOnlyClaude = DemoTeam.Load().Workers.Where(w => w is { Agent: "claude", Write: false });

        foreach (var worker in readOnlyClaude)
        {
            var scenario = Scenarios.Single(s => worker.Prompt.Contains($"[[S:{s.Name}]]", StringComparison.Ordinal));
            var tools = scenario.Steps.SelectMany(s => s.Blocks).Where(b => b.IsToolCall);
            Assert.All(tools, tool => Assert.True(
                tool is ReadFileBlock || tool is RawToolBlock { Name: "Glob" or "Grep" },
                $"{scenario.Name} ({worker.Role}, read-only) calls {tool}, which claude's read-only tools (Read Glob Grep) deny"));
        }
    }
}
