using AgentDeck.Core.Events;

namespace AgentDeck.Core.Tests;

public sealed class EventJsonTests
{
    public static TheoryData<AgentEvent> OneOfEachKind() => new(Samples);

    private static readonly AgentEvent[] Samples =
    [
        new SessionStarted("s-1", "claude-opus-5-5", "/work", ["Bash", "Write"]),
        new TurnStarted("t-1"),
        new UserMessage("steer left", IsSynthetic: false),
        new AssistantText("hello", IsDelta: true, MessageId: "m-1"),
        new Thinking("hmm", IsDelta: false),
        new ToolCallStarted("c-1", "Write", "/work/a.txt", ["/work/a.txt"]),
        new ToolCallFinished("c-1", "Write", "created", IsError: false, ["/work/a.txt"]),
        new PermissionRequested("r-1", "Bash", "rm -rf /", "not allowed"),
        new PermissionDenied("Write", "c-2", "plan mode"),
        new UsageReported(new TokenUsage(120, 200, 30, 6, 0), new TokenUsage(600, 1000, 150, 79, 0), "claude-opus-5-5"),
        new CostReported(0.00079m, 0.00493m),
        new ApiRetry(1, 2, 500, "server_error", 600),
        new ApiError(500, "api_error", "API Error: 500"),
        new Notice("warning", "Reconnecting... 1/5", "codex"),
        new SteerSent("also cover the empty input", SteerSenders.Cli),
        new TurnCompleted(TurnOutcome.Failed, null, FailureReasons.MaxTurns, "Reached maximum number of turns (2)"),
        new ProtocolNote("stream_event", "message_start"),
        new Unparsed("{not json", "invalid JSON"),
    ];

    [Theory]
    [MemberData(nameof(OneOfEachKind))]
    public void Given_an_event_When_serialized_and_read_back_Then_it_is_equal_and_tagged_with_its_kind(AgentEvent original)
    {
        var json = EventJson.Serialize(original);

        var back = EventJson.Deserialize(json);

        Assert.StartsWith($"{{\"kind\":\"{original.Kind}\"", json, StringComparison.Ordinal);
        Assert.NotNull(back);
        Assert.Equal(EventJson.Serialize(back), json);
        Assert.Equal(original.GetType(), back.GetType());
    }

    [Fact]
    public void Every_kind_name_is_registered_for_serialization()
    {
        var kinds = Samples.Select(sample => sample.Kind).ToHashSet();

        Assert.Equal(EventKinds.All.Order(), kinds.Order());
    }

    [Fact]
    public void Given_json_that_is_not_an_event_When_read_Then_null_not_an_exception()
    {
        Assert.Null(EventJson.Deserialize("{\"kind\":\"no_such_kind\"}"));
        Assert.Null(EventJson.Deserialize("not json"));
    }

    [Fact]
    public void Field_names_are_snake_case_and_enums_are_strings()
    {
        var json = EventJson.Serialize(new TurnCompleted(TurnOutcome.Interrupted, "done", FailureReasons.Aborted));

        Assert.Contains("\"final_text\":\"done\"", json, StringComparison.Ordinal);
        Assert.Contains("\"outcome\":\"Interrupted\"", json, StringComparison.OrdinalIgnoreCase);
    }
}
