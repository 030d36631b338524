using System.Text;
using System.Text.Json.Nodes;
using AgentDeck.Agents.Parsing;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Agents.Tests;

/// <summary>
/// Hostile input: whatever a line holds, ParseLine never throws, a non-blank line yields at least one event (exactly one
/// Unparsed when it cannot be read), and the next valid line still parses.
/// </summary>
public sealed class FuzzTests
{
    public static TheoryData<string> ProbeNames()
    {
        var data = new TheoryData<string>();
        foreach (var probe in Probe.All)
        {
            data.Add(probe.Name);
        }

        return data;
    }

    public static TheoryData<string> NdjsonTranscripts()
    {
        var data = new TheoryData<string>();
        foreach (var name in Transcript.AllNames().Where(n => n.EndsWith(".ndjson", StringComparison.Ordinal)))
        {
            data.Add(name);
        }

        return data;
    }

    private static Probe ProbeNamed(string name) => Probe.All.Single(p => p.Name == name);

    private static List<AgentEvent> Feed(IAgentStreamParser parser, byte[] line)
    {
        var events = new List<AgentEvent>();
        parser.ParseLine(line, events);
        return events;
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void Given_random_bytes_Then_nothing_throws_and_each_non_blank_line_yields_an_event(string probeName)
    {
        var probe = ProbeNamed(probeName);
        var parser = probe.Create();
        var random = new Random(20261121);
        for (var i = 0; i < 3000; i++)
        {
            var line = new byte[random.Next(0, 400)];
            random.NextBytes(line);
            if (i % 3 == 0 && line.Length > 0)
            {
                line[0] = (byte)'{'; // reach the JSON reader, not only the UTF-8 check
            }

            var events = Feed(parser, line);
            Assert.Equal(JsonLines.IsBlank(line), events.Count == 0);
        }

        probe.AssertStillParses(parser);
        parser.Complete(1, new List<AgentEvent>());
    }

    [Theory]
    [MemberData(nameof(NdjsonTranscripts))]
    public void Given_every_real_line_cut_short_Then_each_cut_is_one_unparsed_and_the_next_line_parses(string name)
    {
        var probe = Probe.For(name);
        var parser = Parsers.For(name);
        foreach (var line in Transcript.Lines(name))
        {
            foreach (var length in CutLengths(line.Length))
            {
                var cut = line[..length];
                var events = Feed(parser, cut);
                if (JsonLines.IsBlank(cut))
                {
                    Assert.Empty(events);
                    continue;
                }

                var unparsed = Assert.IsType<Unparsed>(Assert.Single(events));
                Assert.False(string.IsNullOrWhiteSpace(unparsed.Reason));
            }

            probe.AssertStillParses(parser);
        }
    }

    /// <summary>Every cut near both ends of a line (where structure breaks) and a stride through the middle of long lines.</summary>
    private static IEnumerable<int> CutLengths(int length)
    {
        for (var n = 1; n < length; n++)
        {
            if (n <= 400 || n >= length - 400 || n % 97 == 0)
            {
                yield return n;
            }
        }
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void Given_invalid_utf8_Then_one_unparsed_keeps_the_text_with_replacement_characters(string probeName)
    {
        var probe = ProbeNamed(probeName);
        var parser = probe.Create();
        byte[][] invalid =
        [
            [.. "{\"type\":\"text\",\"x\":\"a"u8, 0xFF, .. "b\"}"u8],
            [.. "{\"type\":\"x\",\"y\":\""u8, 0xC0, 0xAF, .. "\"}"u8], // overlong '/'
            [.. "{\"type\":\"x\",\"y\":\""u8, 0xED, 0xA0, 0x80, .. "\"}"u8], // UTF-16 surrogate
            [.. "plain "u8, 0xE2, 0x82], // cut multi-byte sequence
        ];

        foreach (var line in invalid)
        {
            var unparsed = Assert.IsType<Unparsed>(Assert.Single(Feed(parser, line)));
            Assert.Equal("invalid UTF-8", unparsed.Reason);
            Assert.Contains('\uFFFD', unparsed.Raw);
        }

        Assert.Contains("a\uFFFDb", ((Unparsed)Feed(parser, invalid[0])[0]).Raw, StringComparison.Ordinal);
        probe.AssertStillParses(parser);
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void Given_a_10_MB_line_Then_it_is_unparsed_without_parsing_and_the_next_line_parses(string probeName)
    {
        var probe = ProbeNamed(probeName);
        var parser = probe.Create();
        var huge = new byte[10 * 1024 * 1024];
        Array.Fill(huge, (byte)'a');
        "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\""u8.CopyTo(huge);
        "\"}]}}"u8.CopyTo(huge.AsSpan(huge.Length - 5));

        var unparsed = Assert.IsType<Unparsed>(Assert.Single(Feed(parser, huge)));

        Assert.Contains("too long", unparsed.Reason, StringComparison.Ordinal);
        Assert.True(unparsed.Raw.Length <= 64 * 1024);
        probe.AssertStillParses(parser);
    }

    [Fact]
    public void Given_a_large_line_under_the_limit_Then_it_is_parsed()
    {
        var text = new string('a', 7 * 1024 * 1024);
        var events = Lines.One(new Claude.ClaudeStreamParser(),
            "{\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"" + text + "\"}]}}");

        Assert.Equal(text.Length, Assert.IsType<AssistantText>(Assert.Single(events)).Text.Length);
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void Given_deeply_nested_json_Then_it_is_one_unparsed(string probeName)
    {
        var probe = ProbeNamed(probeName);
        var parser = probe.Create();
        if (probeName == "claude-text")
        {
            return; // plain text: any line is reply text
        }

        var deep = "{\"type\":\"result\",\"usage\":" + new string('[', 10_000) + new string(']', 10_000) + "}";
        var deepObjects = "{\"type\":\"system\",\"subtype\":" + string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5001);

        Assert.IsType<Unparsed>(Assert.Single(Feed(parser, Encoding.UTF8.GetBytes(deep))));
        Assert.IsType<Unparsed>(Assert.Single(Feed(parser, Encoding.UTF8.GetBytes(deepObjects))));
        probe.AssertStillParses(parser);
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void Given_lines_that_are_not_one_json_object_Then_each_is_one_unparsed(string probeName)
    {
        var probe = ProbeNamed(probeName);
        var parser = probe.Create();
        if (probeName == "claude-text")
        {
            return; // plain text has no JSON to get wrong
        }

        foreach (var line in new[] { "[1,2]", "\"text\"", "42", "null", "{\"type\":\"x\"}{\"type\":\"y\"}", "{\"type\":\"x\",}", "{'type':'x'}", "{\"type\":\"x\"} trailing", "}" })
        {
            Assert.IsType<Unparsed>(Assert.Single(Feed(parser, Encoding.UTF8.GetBytes(line))));
        }

        probe.AssertStillParses(parser);
    }

    [Theory]
    [MemberData(nameof(ProbeNames))]
    public void Given_blank_lines_CRLF_and_a_BOM_Then_blanks_yield_nothing_and_the_rest_parses(string probeName)
    {
        var probe = ProbeNamed(probeName);
        var parser = probe.Create();

        Assert.Empty(Feed(parser, []));
        Assert.Empty(Feed(parser, "  \t \r"u8.ToArray()));
        var withBom = Feed(parser, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(probe.Line), (byte)'\r']);
        Assert.Contains(withBom, e => probe.Expected(e) || e is AssistantText);
    }

    [Theory]
    [MemberData(nameof(NdjsonTranscripts))]
    public void Given_any_field_of_a_real_line_replaced_by_a_wrong_type_Then_nothing_throws_and_the_line_yields_events(string name)
    {
        JsonNode[] wrongValues = [JsonValue.Create("x"), JsonValue.Create(-7), new JsonArray(), new JsonObject(), JsonValue.Create(true), JsonValue.Create(1e300)];
        var probe = Probe.For(name);
        var parser = Parsers.For(name);
        foreach (var line in Transcript.Lines(name).Where(l => l.Length is > 0 and < 4000))
        {
            var nodeCount = CountNodes(JsonNode.Parse(line));
            for (var target = 1; target < nodeCount; target++)
            {
                foreach (var wrong in wrongValues)
                {
                    var mutated = JsonNode.Parse(line)!;
                    ReplaceNth(mutated, target, wrong.DeepClone());
                    var events = Feed(parser, Encoding.UTF8.GetBytes(mutated.ToJsonString()));
                    Assert.NotEmpty(events);
                    Assert.All(events, e => Assert.NotNull(EventJson.Serialize(e)));
                }
            }

            probe.AssertStillParses(parser);
        }

        parser.Complete(1, new List<AgentEvent>());
    }

    [Theory]
    [InlineData("""{"type":"result","subtype":"success","is_error":false,"usage":"x","modelUsage":"x","total_cost_usd":"x","model_usage_since_last_result":7,"permission_denials":"x"}""")]
    [InlineData("""{"type":"result","subtype":"success","is_error":"no","usage":{"input_tokens":"many","output_tokens":1e400}}""")]
    public void Given_a_claude_result_with_wrong_typed_fields_Then_the_turn_still_completes(string line)
    {
        var events = Lines.One(new Claude.ClaudeStreamParser(), line);

        Assert.IsType<TurnCompleted>(events[^1]);
    }

    [Fact]
    public void Given_a_codex_turn_completed_with_usage_as_text_Then_the_turn_still_completes()
    {
        var events = Lines.One(new Codex.CodexStreamParser(), """{"type":"turn.completed","usage":"x"}""");

        Assert.Equal(TurnOutcome.Succeeded, Assert.IsType<TurnCompleted>(Assert.Single(events)).Outcome);
    }

    private static int CountNodes(JsonNode? node) => node switch
    {
        JsonObject o => 1 + o.Sum(p => CountNodes(p.Value)),
        JsonArray a => 1 + a.Sum(CountNodes),
        _ => 1,
    };

    /// <summary>Replaces the n-th node in document order (0 is the root) with <paramref name="replacement"/>.</summary>
    private static void ReplaceNth(JsonNode root, int n, JsonNode replacement)
    {
        var index = 0;
        Visit(root);

        bool Visit(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    foreach (var key in o.Select(p => p.Key).ToList())
                    {
                        if (++index == n)
                        {
                            o[key] = replacement;
                            return true;
                        }

                        if (Visit(o[key]))
                        {
                            return true;
                        }
                    }

                    return false;
                case JsonArray a:
                    for (var i = 0; i < a.Count; i++)
                    {
                        if (++index == n)
                        {
                            a[i] = replacement;
                            return true;
                        }

                        if (Visit(a[i]))
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }
    }
}
