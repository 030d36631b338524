using System.Text;
using System.Text.Unicode;
using AgentDeck.Agents.Tests.Support;

namespace AgentDeck.Agents.Tests.Tape;

/// <summary>
/// JSON texts for comparing <c>JsonTape</c> with System.Text.Json: every transcript line, the same lines cut, with a
/// byte dropped or a stray byte put in (fixed seed), and hand-made edge cases of the grammar. Valid UTF-8 only,
/// since the tape's callers check that first.
/// </summary>
internal static class TapeCorpus
{
    private static readonly byte[] Strays = "{}[],:\"\\ 0123456789-+.eEtfnux\t\r\n\u0001\u0000"u8.ToArray();

    public static IReadOnlyList<byte[]> EdgeCases { get; } = BuildEdgeCases();

    public static IEnumerable<byte[]> TranscriptLines() =>
        Transcript.AllNames().SelectMany(Transcript.Lines).Where(line => line.Length > 0 && Utf8.IsValid(line));

    public static IEnumerable<byte[]> Mutations(int seed, int perLine)
    {
        var random = new Random(seed);
        foreach (var line in TranscriptLines())
        {
            for (var k = 0; k < perLine; k++)
            {
                var at = random.Next(line.Length);
                var mutated = (k % 3) switch
                {
                    0 => line[..at],
                    1 => [.. line[..at], .. line[(at + 1)..]],
                    _ => [.. line[..at], Strays[random.Next(Strays.Length)], .. line[at..]],
                };
                if (Utf8.IsValid(mutated))
                {
                    yield return mutated;
                }
            }
        }
    }

    private static List<byte[]> BuildEdgeCases()
    {
        var texts = new List<string>
        {
            "{}", "[]", "\"\"", "0", "-0", "1.0", "1e3", "1E-7", "-1.5e+10", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "0.1234567890123456789012345678901",
            "79228162514264337593543950335", "79228162514264337593543950336", "1e-400", "123456789012345678901234567890e-20",
            "01", "+1", ".5", "1.", "-", "1e", "1e+", "--1", "0x10", "NaN", "Infinity", "1.5.2", "00", "-01",
            "true", "false", "null", "tru", "nul", "falsey", "True", "[true,false,null]",
            " {} ", "\t{}\r\n", "\f{}", "{}\v", "{} {}", "{},", "[1,]", "{\"a\":1,}", "[,1]", "{,}", "{\"a\"}", "{\"a\":}",
            "{\"a\" : 1 , \"b\" : [ 1 , 2 ] }", "{'a':1}", "{a:1}", "{\"a\":1 /* c */}", "// c\n{}", "[1 2]", "{\"a\":1\"b\":2}",
            "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"", "\"\\u0041\\u00e9\\u20ac\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\udc00\"",
            "\"\\ud800\\u0041\"", "\"\\ud800x\"", "\"\\ud800\\\"\"", "\"\\u12G4\"", "\"\\x\"", "\"\\u00\"", "\"\\", "\"abc", "\"a\u0001b\"",
            "\"a\tb\"", "\"a\u007fb\"", "\"é中😀\"", "{\"t\\u0079pe\":\"x\",\"type\":\"y\"}", "{\"type\":\"a\",\"type\":\"b\"}",
            "{\"a\":{\"b\":{\"c\":[1,{\"d\":null}]}}}", "{\"\":1}", "{\"abcdefgh\":1,\"abcdefgi\":2,\"abcdefghi\":3}",
            "[" + new string(' ', 40) + "1" + new string(' ', 40) + "]", "\"" + new string('x', 100_000) + "\"",
            "\"" + string.Concat(Enumerable.Repeat("\\n", 1000)) + "\"", "{\"k\":\"" + new string('y', 31) + "\"}",

            // A zero byte is no whitespace: not after a number or literal, inside the text or at its end.
            "1\0", "1\0 ", "[1\0]", "{\"n\":12\0}", "{\"n\":1.5\0,\"m\":2}", "true\0", "[null\0,1]", "{\"f\":false\0}", "\0",
            "[\0]", "{\"a\":\"b\"\0}", "\0{}", "{}\0", "[1e5\0]", "-0\0",

            // Commas beside values, after spaces, doubled, stray.
            "[1 ,2]", "[1, 2]", "[1,,2]", "[,]", "[,1]", "[1,]", "[1 ,]", "{\"a\":1 ,\"b\":2}", "[[1],2]", "[[1] ,2]", "[\"a\",1]",
            "[\"a\" ,1]", "[true,false ,null]", "[{} ,{}]", "[{},{}]", "[[],[]]", "1,2", "1,", ",1", "[\",\",\",\"]", "{\",\":\",\"}",
            "{\"a\":[1,2],\"b\":{\"c\":3,\"d\":[]},\"e\":\"f\"}", "{\"a\":[1,2] ,\"b\":3}", "[1\n,2]", "{\"a\":1,,\"b\":2}",

            // Colons: the walk finds a name's colon right after its quote, and counts the rest.
            "[\"a\":1]", "[\"a\":]", "{\"a\":\"b\":1}", "{\"a\":1,\"b\" :2}", "{\"a\"::1}", "[1:2]", "{\":\":\":\"}", "\":\"", "\"a\":",
            "{\"a\":{\"b\":1}:2}", "{\"a\"\n:1}", "{\"a\":[\"b\":1]}", "{\"a\":1}:", ":{\"a\":1}", "{\"a\":1,:}", "{\"a\":\"x\\\":\"}",
        };
        foreach (var depth in new[] { 63, 64, 65, 66 })
        {
            texts.Add(new string('[', depth) + new string(']', depth));
            texts.Add(string.Concat(Enumerable.Repeat("{\"a\":", depth - 1)) + "{}" + new string('}', depth - 1));
            texts.Add(string.Concat(Enumerable.Repeat("[{\"a\":", depth / 2)) + "1" + string.Concat(Enumerable.Repeat("}]", depth / 2)));
        }

        // The vector pass works in 64-byte blocks: escapes, quotes and runs of backslashes at every offset across a
        // block boundary, so every carry between blocks is exercised.
        string[] pieces = ["\\\"", "\\\\", "\\\\\\\"", "\\u00e9", "\\ud83d\\ude00", "\\n\\t", "\\", "\\\\\\"];
        foreach (var piece in pieces)
        {
            for (var offset = 0; offset < 140; offset++)
            {
                texts.Add("{\"k\":\"" + new string('a', offset) + piece + "b\",\"n\":[1,true,{\"x\":null}]}");
                texts.Add("[" + new string(' ', offset) + "\"" + piece + "\"," + new string('1', 1 + (offset % 7)) + "]");

                // Escaped names that start, end or sit across a block boundary, alone and beside names a look-up may
                // confuse them with (a later duplicate would answer a look-up before a missed escaped one).
                texts.Add("{\"p\":\"" + new string('a', offset) + "\",\"k" + piece + "y\":1,\"ky\":2}");
                texts.Add("{\"p\":\"" + new string('a', offset) + "\",\"k" + piece + "y\":1,\"ky\":2,\"k" + piece + "y\":3}");
                texts.Add("{" + new string(' ', offset) + "\"typ\\u0065\":\"x\",\"" + piece + "\":true}");
            }
        }

        return texts.Select(Encoding.UTF8.GetBytes).ToList();
    }
}
