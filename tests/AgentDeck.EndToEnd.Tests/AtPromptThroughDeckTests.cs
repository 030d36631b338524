using System.Text.Json.Nodes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary><c>agentdeck run @file</c>: the word is the prompt; a file never adds options to the command line.</summary>
[Collection(AgentCliCollection.Name)]
public sealed class AtPromptThroughDeckTests(AgentCliFixture fixture)
{
    [Fact]
    public async Task Given_a_prompt_file_holding_write_When_run_with_at_its_name_Then_claude_runs_read_only_and_the_repo_is_unchanged()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var name = $"prompt-{Path.GetFileName(sandbox.Root)}.txt";
        await File.WriteAllTextAsync(Path.Combine(sandbox.Repo, name), $"--write\n\"{deck.Unique("Make hello.txt [[S:tools]]")}\"\n");

        var started = await deck.SucceedAsync("run", "--agent", "claude", "--detach", "@" + name);
        var id = started.Stdout.Trim();
        await deck.WaitAsync(id);
        var run = await deck.ShowAsync(id);
        var launch = JsonNode.Parse(await File.ReadAllTextAsync(deck.RunFile(id, "launch.json")))!;

        Assert.Equal("@" + name, (string?)run["prompt"]);
        Assert.NotEqual(true, (bool?)launch["write"]);
        Assert.False(File.Exists(Path.Combine(sandbox.Repo, "hello.txt")), "the run wrote hello.txt although it was read-only");
    }
}
