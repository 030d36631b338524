using System.Text.Json;
using AgentDeck.Agents.Parsing;

namespace AgentDeck.Agents.Tests.Tape;

/// <summary>
/// The tape against System.Text.Json, the reader the parsers used before: the same texts accepted and rejected, and in
/// every accepted text the same kinds, strings (or the same failure), raw texts, numbers and property look-ups.
/// </summary>
public sealed class JsonTapeTests
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    [Fact]
    public void Given_every_edge_case_When_read_Then_the_tape_agrees_with_System_Text_Json() =>
        AssertAgreement(TapeCorpus.EdgeCases, expectRejections: true);

    [Fact]
    public void Given_every_transcript_line_When_read_Then_the_tape_agrees_with_System_Text_Json() =>
        AssertAgreement(TapeCorpus.TranscriptLines().ToList(), expectRejections: false);

    [Fact]
    public void Given_cut_and_damaged_transcript_lines_When_read_Then_the_tape_agrees_with_System_Text_Json() =>
        AssertAgreement(TapeCorpus.Mutations(seed: 20261122, perLine: 12).ToList(), expectRejections: true);

    [Fact]
    public void Given_a_tape_reused_for_a_shorter_line_When_read_Then_nothing_of_the_longer_line_remains()
    {
        var tape = new JsonTape();
        Assert.True(tape.TryRead("{\"a\":[1,2,3],\"b\":{\"c\":\"d\"}}"u8));
        Assert.True(tape.TryRead("{\"x\":1}"u8));

        Assert.Equal(3, tape.Count);
        Assert.False(tape.Root.TryGetProperty("a"u8, out _));
        Assert.True(tape.Root.TryGetProperty("x"u8, out var x) && x.TryGetInt64(out var one) && one == 1);
    }

    [Fact]
    public void Given_a_text_that_ends_inside_a_string_When_read_Then_bytes_left_from_a_longer_line_do_not_close_it()
    {
        var tape = new JsonTape();
        Assert.True(tape.TryRead("{\"a\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}"u8));

        Assert.False(tape.TryRead("{\"a\":\"xxxx"u8));
    }

    private static void AssertAgreement(IReadOnlyList<byte[]> texts, bool expectRejections)
    {
        var tape = new JsonTape();
        var rejected = 0;
        foreach (var text in texts)
        {
            var accepted = tape.TryRead(text);
            JsonDocument? document = null;
            try
            {
                document = JsonDocument.Parse(text, Options);
            }
            catch (JsonException)
            {
            }

            using (document)
            {
                Assert.True(accepted == (document is not null),
                    $"tape {(accepted ? "accepts" : "rejects")} what System.Text.Json {(document is null ? "rejects" : "accepts")}: {Show(text)}");
                if (document is null)
                {
                    rejected++;
                    continue;
                }

                AssertSame(document.RootElement, tape.Root, "$", text);
            }
        }

        Assert.True(texts.Count > 0);
        Assert.True(!expectRejections || rejected > 0, "the corpus should hold invalid texts too");
    }

    private static void AssertSame(JsonElement expected, TapeElement actual, string path, byte[] text)
    {
        var where = $"{path} in {Show(text)}";
        Assert.True(expected.ValueKind == actual.ValueKind, $"kind {actual.ValueKind} instead of {expected.ValueKind} at {where}");
        Assert.True(expected.GetRawText() == actual.GetRawText(), $"raw text differs at {where}");
        switch (expected.ValueKind)
        {
            case JsonValueKind.String:
                Assert.True(Outcome(expected.GetString) == Outcome(actual.GetString), $"string differs at {where}: {Outcome(expected.GetString)} vs {Outcome(actual.GetString)}");
                break;
            case JsonValueKind.Number:
                var expectedNumber = Numbers(expected.TryGetInt64, expected.TryGetDouble, expected.TryGetDecimal);
                var actualNumber = Numbers(actual.TryGetInt64, actual.TryGetDouble, actual.TryGetDecimal);
                Assert.True(expectedNumber == actualNumber, $"number {actualNumber} instead of {expectedNumber} at {where}");
                break;
            case JsonValueKind.Array:
                Assert.True(expected.GetArrayLength() == actual.GetArrayLength(), $"array length differs at {where}");
                var items = actual.EnumerateArray();
                var index = 0;
                foreach (var item in expected.EnumerateArray())
                {
                    Assert.True(items.MoveNext(), $"array ends early at {where}");
                    AssertSame(item, items.Current, $"{path}[{index++}]", text);
                }

                Assert.False(items.MoveNext(), $"array too long at {where}");
                break;
            case JsonValueKind.Object:
                var members = actual.EnumerateObject();
                foreach (var property in expected.EnumerateObject())
                {
                    Assert.True(members.MoveNext(), $"object ends early at {where}");
                    Assert.True(Outcome(() => property.Name) == Outcome(() => members.Current.Name), $"name differs at {where}");
                    AssertSame(property.Value, members.Current.Value, $"{path}.{property.Name}", text);
                    AssertSameLookup(expected, actual, property.Name, where);
                }

                Assert.False(members.MoveNext(), $"object too long at {where}");
                AssertSameLookup(expected, actual, "no such name", where);
                break;
        }
    }

    private static void AssertSameLookup(JsonElement expected, TapeElement actual, string name, string where)
    {
        var utf8 = System.Text.Encoding.UTF8.GetBytes(name);
        var expectedFound = expected.TryGetProperty(utf8, out var expectedValue);
        var actualFound = actual.TryGetProperty(utf8, out var actualValue);
        Assert.True(expectedFound == actualFound, $"look-up of '{name}' differs at {where}");
        if (expectedFound)
        {
            Assert.True(expectedValue.GetRawText() == actualValue.GetRawText(), $"look-up of '{name}' finds another member at {where}");
        }
    }

    private delegate bool TryGet<T>(out T value);

    private static string Numbers(TryGet<long> int64, TryGet<double> real, TryGet<decimal> money) =>
        $"{(int64(out var a) ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")} " +
        $"{(real(out var b) ? b.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "-")} " +
        $"{(money(out var c) ? c.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-")}";

    private static string Outcome(Func<string?> read)
    {
        try
        {
            return "ok:" + read();
        }
        catch (Exception error)
        {
            return "throws " + error.GetType().Name;
        }
    }

    private static string Show(byte[] text)
    {
        var shown = System.Text.Encoding.UTF8.GetString(text);
        return shown.Length > 200 ? shown[..200] + "…" : shown;
    }
}
