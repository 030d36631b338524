using System.Text;
using AgentDeck.Agents;
using AgentDeck.Cli.Commands.SimulateAgent;
using AgentDeck.Core;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;

namespace AgentDeck.Cli.Tests;

/// <summary>
/// The simulated agent speaks each CLI's real wire format: its output goes through the real parsers and must give the
/// same event kinds a real run gives, and it acts on stdin steering and interrupts.
/// </summary>
public sealed class SimulatedAgentTests : IDisposable
{
    private readonly TempHome _repo = new();

    [Fact]
    public async Task Given_a_claude_writer_when_it_plays_the_tools_scenario_then_the_parser_sees_three_tools_and_a_success_and_the_file_is_edited()
    {
        var events = await PlayAsync(AgentKind.Claude, ["--permission-mode", "acceptEdits"], ClaudeUser("[[S:tools]] make hello.txt"));

        Assert.IsType<SessionStarted>(events[0]);
        var tools = events.OfType<ToolCallFinished>().ToList();
        Assert.Equal(["Write", "Bash", "Edit"], tools.Select(t => t.Name));
        Assert.All(tools, t => Assert.False(t.IsError, t.OutputSummary));
        var end = Assert.Single(events.OfType<TurnCompleted>());
        Assert.Equal(TurnOutcome.Succeeded, end.Outcome);
        Assert.Equal("Done: wrote hello.txt, listed the dir, and edited it.", end.FinalText);
        Assert.Contains(events, e => e is CostReported);
        Assert.Equal("hello mock\n", File.ReadAllText(Path.Combine(_repo.Path, "hello.txt")));
    }

    [Fact]
    public async Task Given_a_read_only_claude_worker_when_the_scenario_writes_then_the_write_is_refused_and_no_file_appears()
    {
        var events = await PlayAsync(AgentKind.Claude, ["--permission-mode", "dontAsk"], ClaudeUser("[[S:deny]] try to write"));

        var tools = events.OfType<ToolCallFinished>().ToList();
        Assert.Equal(2, tools.Count);
        Assert.All(tools, t => Assert.True(t.IsError));
        Assert.False(File.Exists(Path.Combine(_repo.Path, "denied.txt")));
    }

    [Fact]
    public async Task Given_a_claude_turn_when_an_interrupt_follows_the_prompt_then_the_turn_ends_interrupted_and_the_request_is_answered()
    {
        var interrupt = """{"type":"control_request","request_id":"r-1","request":{"subtype":"interrupt"}}""";

        var (events, output) = await PlayWithOutputAsync(AgentKind.Claude, [], ClaudeUser("[[S:slow]] take your time"), interrupt);

        Assert.Contains("\"request_id\":\"r-1\"", output, StringComparison.Ordinal);
        var end = Assert.Single(events.OfType<TurnCompleted>());
        Assert.Equal(TurnOutcome.Interrupted, end.Outcome);
    }

    [Fact]
    public async Task Given_a_codex_app_server_thread_when_a_steer_joins_the_turn_then_it_is_a_user_message_and_is_answered_in_the_same_turn()
    {
        string[] input =
        [
            """{"method":"initialize","id":1,"params":{"clientInfo":{"name":"t","version":"1"}}}""",
            """{"method":"initialized"}""",
            $$$"""{"method":"thread/start","id":2,"params":{"cwd":"{{{_repo.Path}}}","sandbox":"workspace-write"}}""",
            """{"method":"turn/start","id":3,"params":{"threadId":"t","input":[{"type":"text","text":"[[S:tools]] make hello.txt"}]}}""",
            """{"method":"turn/steer","id":4,"params":{"threadId":"t","expectedTurnId":"x","input":[{"type":"text","text":"also say hi"}]}}""",
        ];

        var events = await PlayAsync(AgentKind.Codex, ["app-server"], input);

        Assert.Contains(events, e => e is SessionStarted);
        Assert.Equal(["[[S:tools]] make hello.txt", "also say hi"], events.OfType<UserMessage>().Select(m => m.Text));
        Assert.Contains(events, e => e is AssistantText { IsDelta: false } text && text.Text == "Understood, adjusting course: also say hi");
        Assert.Equal(3, events.OfType<ToolCallFinished>().Count(t => !t.IsError));
        var end = Assert.Single(events.OfType<TurnCompleted>());
        Assert.Equal(TurnOutcome.Succeeded, end.Outcome);
        Assert.Contains(events, e => e is UsageReported);
        Assert.Equal("hello mock\n", File.ReadAllText(Path.Combine(_repo.Path, "hello.txt")));
    }

    public void Dispose() => _repo.Dispose();

    private async Task<IReadOnlyList<AgentEvent>> PlayAsync(AgentKind agent, string[] arguments, params string[] stdin) =>
        (await PlayWithOutputAsync(agent, arguments, stdin)).Events;

    private async Task<(IReadOnlyList<AgentEvent> Events, string Output)> PlayWithOutputAsync(AgentKind agent, string[] arguments, params string[] stdin)
    {
        var settings = SimulationSettings.Create(agent, [], "plain", TimeSpan.FromMilliseconds(5), arguments, _repo.Path);
        var output = new StringWriter();
        var input = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', stdin) + "\n"));

        var exit = await new SimulatedAgent(settings, new FixedPrices(), input, output).RunAsync(CancellationToken.None);

        Assert.Equal(0, exit);
        var parser = AgentParsers.Create(agent);
        var events = new List<AgentEvent>();
        foreach (var line in output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            parser.ParseLine(Encoding.UTF8.GetBytes(line), events);
        }

        parser.Complete(0, events);
        return (events, output.ToString());
    }

    private static string ClaudeUser(string text) =>
        $$$"""{"type":"user","message":{"role":"user","content":"{{{text}}}"},"parent_tool_use_id":null,"session_id":""}""";

    private sealed class FixedPrices : IPriceBook
    {
        public decimal? Price(string? model, TokenUsage usage) => (usage.TotalInput + usage.Output) / 1_000_000m;
    }
}
