using System.Text.Json.Nodes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// <c>agentdeck demo --no-tui --simulate</c> as a fresh machine runs it: a scratch repository, the team spawned through
/// detached supervisors running the simulated agents, a wait for all of them, and the table of their runs.
/// </summary>
public sealed class DemoEndToEndTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "agentdeck-e2e", "demo-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task The_non_interactive_demo_runs_the_whole_team_to_success_and_leaves_their_files_in_the_scratch_repo()
    {
        var environment = new Dictionary<string, string> { ["HOME"] = Directory.CreateDirectory(Path.Combine(_root + "-home")).FullName };

        var demo = await ChildProcess.RunAsync("dotnet", [Deck.Dll, "demo", "--no-tui", "--simulate", "--pace-ms", "20", "--dir", _root],
            Path.GetTempPath(), environment, Deck.CommandTimeout);

        Assert.True(demo.ExitCode == 0, demo.Describe());
        Assert.Contains("simulated agent", demo.Stdout, StringComparison.Ordinal);
        Assert.Contains("tests/test_slug.sh", demo.Stdout, StringComparison.Ordinal);
        var runs = await ChildProcess.RunAsync("dotnet", [Deck.Dll, "runs", "--json"], Path.Combine(_root, "repo"),
            new Dictionary<string, string>(environment) { ["AGENTDECK_HOME"] = Path.Combine(_root, "state") }, Deck.CommandTimeout);
        var table = JsonNode.Parse(runs.Stdout)!.AsArray();
        Assert.Equal(5, table.Count);
        Assert.All(table, run => Assert.Equal("succeeded", (string?)run!["status"]));
        Assert.Equal(["architecture", "implementation", "review", "security", "testing"], table.Select(r => (string)r!["role"]!).Order());
        Assert.All(table, run =>
        {
            var route = run!["route"]!;
            Assert.Equal(((string?)run["agent"], (string?)run["model"]), ((string?)route["agent"], (string?)route["model"]));
            Assert.Contains($"simulated stand-in for {run["agent"]} at its default model", (string?)route["reason"], StringComparison.Ordinal);
        });
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
