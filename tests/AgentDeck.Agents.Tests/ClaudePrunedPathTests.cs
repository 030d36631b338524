using System.Text;
using AgentDeck.Agents.Claude;
using AgentDeck.Agents.Parsing;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests;

/// <summary>
/// Claude's big <c>system</c> and <c>result</c> lines are parsed from the top-level fields the parser reads
/// (<see cref="ClaudeRootFields"/>); the whole-line path stays as the reference. Both must yield the same events, byte
/// for byte, for every real line and for broken, reordered, duplicated, escaped and truncated variants of them.
/// </summary>
public sealed class ClaudePrunedPathTests
{
    public static TheoryData<string> ClaudeTranscripts() => new(ClaudeNames());

    private static IEnumerable<string> ClaudeNames() =>
        Transcript.AllNames().Where(n => n.StartsWith("claude-", StringComparison.Ordinal) && n.EndsWith(".ndjson", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(ClaudeTranscripts))]
    public void Given_a_real_transcript_When_parsed_pruned_and_whole_Then_the_events_are_identical(string name)
    {
        var pair = new ParserPair();

        foreach (var line in Transcript.Lines(name))
        {
            pair.AssertSame(line);
        }

        pair.AssertSameCompletion(0);
        pair.AssertSameCompletion(null);
    }

    [Fact]
    public void The_real_transcripts_do_take_the_pruned_path()
    {
        var pair = new ParserPair();
        var bigLines = 0;
        foreach (var name in ClaudeNames())
        {
            foreach (var line in Transcript.Lines(name))
            {
                pair.AssertSame(line);
                bigLines += line.Length >= RootFieldPruner.MinLineBytes && IsSystemOrResult(line) ? 1 : 0;
            }
        }

        Assert.True(bigLines > 40, $"only {bigLines} big system/result lines in the transcripts");
        Assert.Equal(bigLines, pair.PrunedLines);
    }

    [Fact]
    public void Given_variants_of_every_big_line_When_parsed_both_ways_Then_the_events_are_identical()
    {
        var pair = new ParserPair();
        var random = new Random(20261121);
        foreach (var line in BigLines())
        {
            foreach (var variant in Variants(Encoding.UTF8.GetString(line)))
            {
                pair.AssertSame(Encoding.UTF8.GetBytes(variant));
            }

            for (var i = 0; i < 60; i++)
            {
                pair.AssertSame(Mutate(line, random));
            }

            for (var cut = 1; cut < line.Length; cut += Math.Max(1, line.Length / 40))
            {
                pair.AssertSame(line[..cut]);
            }
        }

        Assert.True(pair.PrunedLines > 100, $"only {pair.PrunedLines} variants took the pruned path");
    }

    private static IEnumerable<byte[]> BigLines() =>
        ClaudeNames().SelectMany(Transcript.Lines)
            .Where(line => line.Length >= RootFieldPruner.MinLineBytes && IsSystemOrResult(line));

    private static bool IsSystemOrResult(byte[] line)
    {
        var text = Encoding.UTF8.GetString(line);
        return text.Contains("\"type\":\"system\"", StringComparison.Ordinal) || text.Contains("\"type\":\"result\"", StringComparison.Ordinal);
    }

    /// <summary>Hand-made shapes: duplicated, retyped, escaped and reordered keys, whitespace, trailing bytes, depth.</summary>
    private static IEnumerable<string> Variants(string line)
    {
        var body = line[1..^1];
        var deep = new string('[', 70) + new string(']', 70);
        yield return "{\"type\":\"assistant\"," + body + "}";
        yield return "{" + body + ",\"type\":\"assistant\"}";
        yield return "{" + body + ",\"type\":\"result\"}";
        yield return "{" + body + ",\"type\":\"system\"}";
        yield return "{" + body + ",\"type\":7}";
        yield return "{" + body + ",\"type\":null}";
        yield return "{" + body + ",\"subtype\":\"api_retry\",\"attempt\":3}";
        yield return "{" + body + ",\"subtype\":\"informational\",\"content\":\"hello\\nworld\"}";
        yield return "{" + body + ",\"subtype\":\"error_max_turns\",\"is_error\":true,\"errors\":[\"a\",1,\"b\"]}";
        yield return "{" + body + ",\"session_id\":\"dup\",\"tools\":\"not a list\",\"model\":5}";
        yield return "{" + body + ",\"usage\":{\"input_tokens\":1.5e3,\"output_tokens\":-2},\"total_cost_usd\":1e400}";
        yield return "{" + body + ",\"permission_denials\":[{\"tool_use_id\":9,\"tool_name\":\"Bash\",\"tool_input\":{\"command\":\"ls\"}}]}";
        yield return "{" + body + ",\"unread\":" + deep + "}";
        yield return "{" + body + ",\"unread\":\"\\ud800\"}";
        yield return "{" + body + ",\"model\":\"\\ud800\"}";
        yield return "{" + body + ",\"\\u0074ype\":\"assistant\"}";
        yield return "{" + body + ",\"\\u0073ession_id\":\"escaped-name\",\"cw\\u0064\":\"/x\"}";
        yield return "{\"\\u0074ype\":\"system\"," + body + "}";
        yield return "{" + body + ",}";
        yield return "{" + body + "} ";
        yield return "{" + body + "} x";
        yield return "{" + body + "}{}";
        yield return " \t{ " + body.Replace(",\"", " ,\n \"", StringComparison.Ordinal).Replace("\":", "\" : ", StringComparison.Ordinal) + " }\r";
        yield return "\uFEFF{" + body + "}";
        yield return "[{" + body + "}]";
        yield return "{" + body + ",\"tools\":[\"A\",{\"x\":1},\"B\",null,\"\\u00e9\"]}";
        yield return "{" + body + ",\"cwd\":\"/a\"/*c*/}";
        yield return "{" + body + ",\"n\":01}";
    }

    private static byte[] Mutate(byte[] line, Random random)
    {
        var copy = (byte[])line.Clone();
        ReadOnlySpan<byte> tokens = "\"{}[],:\\0 e-.tn"u8;
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            copy[random.Next(copy.Length)] = random.Next(4) == 0 ? (byte)random.Next(256) : tokens[random.Next(tokens.Length)];
        }

        return copy;
    }

    /// <summary>Two parsers fed the same lines: one prunes, one parses whole lines.</summary>
    private sealed class ParserPair
    {
        private readonly ClaudeStreamParser _pruned = new();
        private readonly ClaudeStreamParser _whole = new();

        public ParserPair() => _whole.Lines.PruneRootFields = false;

        public long PrunedLines => _pruned.Lines.PrunedLines;

        public void AssertSame(byte[] line)
        {
            var expected = new List<AgentEvent>();
            var actual = new List<AgentEvent>();
            _whole.ParseLine(line, expected);
            _pruned.ParseLine(line, actual);
            Assert.Equal(Serialize(expected), Serialize(actual));
        }

        public void AssertSameCompletion(int? exitCode)
        {
            var expected = new List<AgentEvent>();
            var actual = new List<AgentEvent>();
            _whole.Complete(exitCode, expected);
            _pruned.Complete(exitCode, actual);
            Assert.Equal(Serialize(expected), Serialize(actual));
        }

        private static string[] Serialize(List<AgentEvent> events) => [.. events.Select(e => e.GetType().Name + " " + EventJson.Serialize(e))];
    }
}
