using System.Text;
using System.Text.Json.Nodes;
using AgentDeck.Agents.Drivers;
using AgentDeck.Agents.Drivers.Codex;
using AgentDeck.Core;

namespace AgentDeck.Agents.Tests.Drivers;

public sealed class CodexAppServerDriverTests
{
    private const string ThreadAnswer = """{"id":2,"result":{"thread":{"id":"th-1"}}}""";
    private const string TurnAnswer = """{"id":3,"result":{"turn":{"id":"tu-1","status":"inProgress"}}}""";

    private static CodexAppServerDriver Driver(string prompt = "go", bool write = false, string? model = null, string? persona = null) =>
        Assert.IsType<CodexAppServerDriver>(new AgentDriverFactory().Create(
            Launches.Of(AgentKind.Codex, prompt: prompt, write: write, model: model, persona: persona)));

    private static List<JsonNode> Feed(CodexAppServerDriver driver, string line) =>
        driver.OnStdoutLine(Encoding.UTF8.GetBytes(line)).Select(l => JsonNode.Parse(l)!).ToList();

    [Fact]
    public void Given_model_and_persona_Then_thread_start_carries_them_with_the_read_only_sandbox()
    {
        var lines = Driver(model: "gpt-5.5", persona: Launches.Persona).OnStarted();

        var threadStart = JsonNode.Parse(lines[2])!["params"]!;
        Assert.Equal("read-only", (string?)threadStart["sandbox"]);
        Assert.Equal("never", (string?)threadStart["approvalPolicy"]);
        Assert.Equal("gpt-5.5", (string?)threadStart["model"]);
        Assert.Equal(Launches.Persona, (string?)threadStart["developerInstructions"]);
        Assert.Equal(Launches.Cwd, (string?)threadStart["cwd"]);
    }

    [Fact]
    public void Given_a_prompt_with_quotes_and_newlines_Then_turn_start_is_valid_json_carrying_it_verbatim()
    {
        const string prompt = "fix \"this\"\nand {that}\\";
        var driver = Driver(prompt);
        driver.OnStarted();

        var turnStart = Assert.Single(Feed(driver, ThreadAnswer));

        Assert.Equal("turn/start", (string?)turnStart["method"]);
        Assert.Equal(prompt, (string?)turnStart["params"]!["input"]![0]!["text"]);
    }

    [Fact]
    public void Given_a_steer_before_the_turn_exists_Then_it_is_sent_once_turn_start_answered()
    {
        var driver = Driver();
        driver.OnStarted();

        Assert.Empty(driver.Steer("early").StdinLines);
        Feed(driver, ThreadAnswer);
        Assert.Empty(driver.Steer("still early").StdinLines);
        var steers = Feed(driver, TurnAnswer);

        Assert.Equal(["early", "still early"], steers.Select(s => (string?)s["params"]!["input"]![0]!["text"]));
        Assert.All(steers, s => Assert.Equal("tu-1", (string?)s["params"]!["expectedTurnId"]));
        Assert.All(steers, s => Assert.Equal("turn/steer", (string?)s["method"]));
    }

    [Fact]
    public void Given_an_interrupt_before_the_turn_exists_Then_turn_interrupt_follows_turn_start_answer()
    {
        var driver = Driver();
        driver.OnStarted();
        Feed(driver, ThreadAnswer);

        Assert.Empty(driver.Interrupt()!);
        var interrupt = Assert.Single(Feed(driver, TurnAnswer));

        Assert.Equal("turn/interrupt", (string?)interrupt["method"]);
        Assert.Equal("tu-1", (string?)interrupt["params"]!["turnId"]);
        Assert.Equal("th-1", (string?)interrupt["params"]!["threadId"]);
    }

    [Fact]
    public void Given_an_interrupt_before_the_thread_exists_Then_no_turn_is_started_and_the_worker_is_finished()
    {
        var driver = Driver();
        driver.OnStarted();

        driver.Interrupt();

        Assert.Empty(Feed(driver, ThreadAnswer));
        Assert.True(driver.TurnFinished);
    }

    [Fact]
    public void Given_thread_start_fails_Then_the_worker_is_finished_without_a_turn()
    {
        var driver = Driver();
        driver.OnStarted();

        Assert.Empty(Feed(driver, """{"id":2,"error":{"code":-32600,"message":"bad cwd"}}"""));
        Assert.True(driver.TurnFinished);
    }

    [Fact]
    public void Given_a_steer_refused_after_the_turn_ended_Then_its_message_starts_a_new_turn()
    {
        var driver = Driver();
        driver.OnStarted();
        Feed(driver, ThreadAnswer);
        Feed(driver, TurnAnswer);
        var steer = JsonNode.Parse(Assert.Single(driver.Steer("late").StdinLines))!;
        Feed(driver, """{"method":"turn/completed","params":{"threadId":"th-1","turn":{"id":"tu-1","status":"completed"}}}""");
        Assert.True(driver.TurnFinished);

        var refusal = "{\"id\":" + (long)steer["id"]! + ",\"error\":{\"code\":-32600,\"message\":\"no active turn\"}}";
        var retry = Assert.Single(Feed(driver, refusal));

        Assert.Equal("turn/start", (string?)retry["method"]);
        Assert.Equal("late", (string?)retry["params"]!["input"]![0]!["text"]);
        Assert.False(driver.TurnFinished);
    }

    [Fact]
    public void Given_an_approval_request_Then_it_is_declined_with_the_same_id()
    {
        var driver = Driver();
        driver.OnStarted();

        var answer = Assert.Single(Feed(driver, """{"method":"item/commandExecution/requestApproval","id":0,"params":{"kind":"command"}}"""));

        Assert.Equal(0, (long)answer["id"]!);
        Assert.Equal("decline", (string?)answer["result"]!["decision"]);
    }

    [Fact]
    public void Given_an_unknown_server_request_Then_it_gets_a_method_not_found_error()
    {
        var driver = Driver();
        driver.OnStarted();

        var answer = Assert.Single(Feed(driver, """{"method":"item/tool/requestUserInput","id":"q-7","params":{}}"""));

        Assert.Equal("q-7", (string?)answer["id"]);
        Assert.Equal(-32601, (int)answer["error"]!["code"]!);
    }

    [Fact]
    public void Given_no_running_turn_Then_interrupt_writes_nothing()
    {
        var driver = Driver();
        driver.OnStarted();
        Feed(driver, ThreadAnswer);
        Feed(driver, TurnAnswer);
        Feed(driver, """{"method":"turn/completed","params":{"turn":{"id":"tu-1"}}}""");

        Assert.Empty(driver.Interrupt()!);
        Assert.True(driver.TurnFinished);
        Assert.Null(driver.ActiveTurnId);
    }

    [Theory]
    [MemberData(nameof(Garbage.Lines), MemberType = typeof(Garbage))]
    public void Given_garbage_on_stdout_Then_nothing_is_written_and_the_state_holds(byte[] line)
    {
        var driver = Driver();
        driver.OnStarted();
        Feed(driver, ThreadAnswer);
        Feed(driver, TurnAnswer);

        Assert.Empty(driver.OnStdoutLine(line));
        Assert.Equal("tu-1", driver.ActiveTurnId);
        Assert.Equal("th-1", driver.ThreadId);
        Assert.False(driver.TurnFinished);
    }
}
