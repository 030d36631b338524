using AgentDeck.Core.Events;

namespace AgentDeck.Core.Tests;

/// <summary>
/// The hand-written payload writer behind <see cref="EventPayloadBuffer"/> (the ledger's payloads) must write exactly
/// what the System.Text.Json serializer writes with <see cref="EventJson.Options"/>.
/// </summary>
public sealed class EventPayloadWriterTests
{
    private const string Awkward = "quote \" backslash \\ tab \t newline \n nul \u0000 bell \u0007 <html> & 'apos' é 中文 🚀 \u2028 \u00ad +";

    public static TheoryData<AgentEvent> Events() => new(Samples);

    private static readonly AgentEvent[] Samples =
    [
        new SessionStarted("s-1", "claude-opus-5-5", "/work", ["Bash", "Write"]),
        new SessionStarted("", null, null, []),
        new SessionStarted(Awkward, Awkward, Awkward, [Awkward, null!, ""]),
        new SessionStarted("s", null, null, null!),
        new SessionStarted("s", "m", "/w", ["Task", "Bash", "Glob", "Grep", "Read", "Edit", "Write", "WebFetch", "TodoWrite", "mcp__x__y"]),
        new SessionStarted("s", "m", "/w", [Awkward, "a", "b", "c", "d", "e", null!, "", "g", Awkward]),
        new TurnStarted("t-1"),
        new TurnStarted(null),
        new UserMessage("steer left"),
        new UserMessage(Awkward, IsSynthetic: true),
        new AssistantText("hello", IsDelta: true, MessageId: "m-1"),
        new AssistantText(Awkward, IsDelta: false),
        new AssistantText(null!, IsDelta: false),
        new Thinking("hmm", IsDelta: false),
        new Thinking(Awkward, IsDelta: true),
        new ToolCallStarted("c-1", "Write", "/work/a.txt", ["/work/a.txt"]),
        new ToolCallStarted("c-1", "Bash", Awkward, []),
        new ToolCallFinished("c-1", "Write", "created", IsError: false, ["/work/a.txt", "/work/b.txt"]),
        new ToolCallFinished("c-1", "Write", Awkward, IsError: true, []),
        new PermissionRequested("r-1", "Bash", "rm -rf /", "not allowed"),
        new PermissionRequested("r-1", "Bash", "", null),
        new PermissionDenied("Write", "c-2", "plan mode"),
        new PermissionDenied("Write", null, Awkward),
        new UsageReported(new TokenUsage(120, 200, 30, 6, 0), new TokenUsage(600, 1000, 150, 79, 0), "claude-opus-5-5"),
        new UsageReported(TokenUsage.Zero, null),
        new UsageReported(new TokenUsage(long.MaxValue, long.MinValue, -1, 0, 1), null, Awkward),
        new CostReported(0.00079m, 0.00493m),
        new CostReported(1.50m, null),
        new CostReported(0m, 0.0000000000m),
        new CostReported(decimal.MaxValue, decimal.MinValue),
        new CostReported(-0.1234567890123456789012345678m, 79228162514264337593543950335m),
        new ApiRetry(1, 2, 500, "server_error", 600),
        new ApiRetry(0, null, null, null, null),
        new ApiRetry(int.MinValue, int.MaxValue, -1, Awkward, 0),
        new ApiError(500, "api_error", "API Error: 500"),
        new ApiError(null, null, Awkward),
        new Notice("warning", "Reconnecting... 1/5", "codex"),
        new SteerSent("also cover the empty input", SteerSenders.Cli),
        new SteerSent(Awkward, SteerSenders.Tui),
        new Notice("stderr", Awkward),
        new TurnCompleted(TurnOutcome.Failed, null, FailureReasons.MaxTurns, "Reached maximum number of turns (2)"),
        new TurnCompleted(TurnOutcome.Succeeded, Awkward, null),
        new TurnCompleted(TurnOutcome.Interrupted, null, FailureReasons.Aborted, Awkward),
        new TurnCompleted((TurnOutcome)7, "x", "y"),
        new ProtocolNote("stream_event", "message_start"),
        new ProtocolNote(Awkward),
        new Unparsed("{not json", "invalid JSON"),
        new Unparsed(Awkward + "\uFFFD", "invalid UTF-8"),
    ];

    [Theory]
    [MemberData(nameof(Events))]
    public void Given_an_event_When_written_into_the_compact_buffer_Then_bytes_equal_the_serializer(AgentEvent e) =>
        Assert.Equal(EventJson.SerializeToUtf8(e), new EventPayloadBuffer().Write(e).ToArray());

    [Fact]
    public void Given_one_compact_buffer_When_it_writes_every_kind_twice_over_Then_each_payload_is_whole_and_alone()
    {
        var buffer = new EventPayloadBuffer();
        var huge = new AssistantText(string.Concat(Enumerable.Repeat("long text 🚀 \"quoted\" é\n", 20_000)), IsDelta: false);
        foreach (var e in Samples.Concat([huge]).Concat(Samples))
        {
            Assert.Equal(System.Text.Encoding.UTF8.GetString(EventJson.SerializeToUtf8(e)), System.Text.Encoding.UTF8.GetString(buffer.Write(e)));
        }
    }

    [Fact]
    public void Given_random_text_When_written_into_the_compact_buffer_Then_bytes_or_failure_equal_the_serializer()
    {
        const string alphabet = "ab \"\\/\n\t\u0000\u001f\u007f\u0080\u00a0<>&'+`é中\u2028\u2029\ufeff\ufffd\uffff\ud83d\ude80";
        var random = new Random(20261122);
        var buffer = new EventPayloadBuffer();
        for (var round = 0; round < 5_000; round++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            AgentEvent e = new ToolCallFinished(new string(chars), "Bash", new string(chars.Reverse().ToArray()), IsError: false, [new string(chars)]);
            byte[] expected;
            try
            {
                expected = EventJson.SerializeToUtf8(e);
            }
            catch (ArgumentException failure)
            {
                Assert.Equal(failure.GetType(), Assert.ThrowsAny<ArgumentException>(() => buffer.Write(e)).GetType());
                continue;
            }

            Assert.Equal(expected, buffer.Write(e).ToArray());
        }
    }

    [Fact]
    public void Every_kind_is_written_by_hand()
    {
        var kinds = Samples.Select(sample => sample.Kind).ToHashSet();

        Assert.Equal(EventKinds.All.Order(), kinds.Order());
    }

    [Fact]
    public void Given_a_payload_written_by_hand_When_read_back_Then_the_event_is_equal()
    {
        foreach (var e in Samples)
        {
            if (e is SessionStarted { Tools: null } or TurnCompleted { Outcome: (TurnOutcome)7 } or AssistantText { Text: null })
            {
                continue;
            }

            var back = EventJson.Deserialize(System.Text.Encoding.UTF8.GetString(new EventPayloadBuffer().Write(e)));

            Assert.NotNull(back);
            Assert.Equal(EventJson.Serialize(e), EventJson.Serialize(back));
        }
    }

    [Fact]
    public void Given_long_tool_lists_written_one_after_another_Then_each_payload_holds_its_own_list()
    {
        var names = Enumerable.Range(0, 12).Select(i => "Tool" + i).ToList();
        var same = new SessionStarted("s", null, null, names);
        var changedInPlace = new List<string>(names);
        var buffer = new EventPayloadBuffer();

        foreach (var e in new AgentEvent[]
        {
            same,
            same,
            same with { Tools = changedInPlace },
            same with { Tools = [.. names.Take(11), "Tool11 \"quoted\" <b>"] },
            same with { Tools = [.. names.Skip(1)] },
            same,
        })
        {
            AssertSameBytes(e, buffer);
        }

        changedInPlace[3] = "Renamed";
        AssertSameBytes(same with { Tools = changedInPlace }, buffer);
    }

    private static void AssertSameBytes(AgentEvent e, EventPayloadBuffer buffer)
    {
        var expected = EventJson.SerializeToUtf8(e);
        var actual = buffer.Write(e).ToArray();

        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(actual));
        Assert.Equal(expected, actual);
    }
}
