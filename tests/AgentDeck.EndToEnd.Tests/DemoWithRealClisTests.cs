using System.Text.Json.Nodes;
using AgentDeck.Cli.Commands.Demo.Live;
using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// <c>agentdeck demo --no-tui</c> with the pinned claude and codex on PATH: the real CLIs play the demo's scripts
/// against the demo's own mock model, every worker to the end of its script — the same work the simulated team does.
/// </summary>
[Collection(AgentCliCollection.Name)]
public sealed class DemoWithRealClisTests(AgentCliFixture fixture) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "agentdeck-e2e", "demo-real-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Given_claude_and_codex_installed_When_the_demo_runs_Then_each_real_worker_plays_its_whole_script_and_succeeds()
    {
        var home = Directory.CreateDirectory(_root + "-home").FullName;
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = home,
            ["PATH"] = Path.GetDirectoryName(fixture.Clis.Claude)! + ":" + Environment.GetEnvironmentVariable("PATH"),
            ["AGENTDECK_HOST_IDLE_SECONDS"] = "5",
        };

        var demo = await ChildProcess.RunAsync("dotnet", [Deck.Dll, "demo", "--no-tui", "--dir", _root], Path.GetTempPath(), environment, Deck.CommandTimeout);

        Assert.True(demo.ExitCode == 0, demo.Describe());
        Assert.Contains("the real claude CLI", demo.Stdout, StringComparison.Ordinal);
        Assert.Contains("the real codex CLI", demo.Stdout, StringComparison.Ordinal);
        environment["AGENTDECK_HOME"] = Path.Combine(_root, "state");
        var runs = JsonNode.Parse((await ChildProcess.RunAsync("dotnet", [Deck.Dll, "runs", "--json"], Path.Combine(_root, "repo"), environment, Deck.CommandTimeout)).Stdout)!.AsArray();
        var scenarios = ScenarioYamlReader.Read(DemoResources.Text(DemoResources.Scenarios), DemoResources.Scenarios);
        foreach (var worker in DemoTeam.Load().Workers)
        {
            var run = runs.Single(r => (string?)r!["role"] == worker.Role)!;
            var show = await ChildProcess.RunAsync("dotnet", [Deck.Dll, "show", (string)run["id"]!, "--json"], Path.Combine(_root, "repo"), environment, Deck.CommandTimeout);
            var shown = JsonNode.Parse(show.Stdout)!;
            var scenario = scenarios.Single(s => worker.Prompt.Contains($"[[S:{s.Name}]]", StringComparison.Ordinal));
            var lastWords = scenario.Steps[^1].Blocks.OfType<TextBlock>().Last().Text;
            var toolCalls = scenario.Steps.Sum(s => s.Blocks.Count(b => b.IsToolCall));

            Assert.True((string?)shown["status"] == "succeeded", $"{worker.Role} ({worker.Agent}): {show.Stdout}");
            Assert.Contains(lastWords[..40], (string?)shown["final_text"] ?? "", StringComparison.Ordinal);
            Assert.True((int)shown["tool_calls"]! >= toolCalls, $"{worker.Role} ({worker.Agent}) made {shown["tool_calls"]} tool calls, its script {toolCalls}");
        }

        var slug = await ChildProcess.RunAsync("sh", ["src/slug.sh", "Hello, World!"], Path.Combine(_root, "repo"), environment, Deck.CommandTimeout);
        Assert.Equal("hello-world", slug.Stdout.Trim());
    }

    public void Dispose()
    {
        foreach (var folder in new[] { _root, _root + "-home" })
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
