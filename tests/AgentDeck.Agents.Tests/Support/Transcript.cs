using System.Text;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Agents.Tests.Support;

/// <summary>Feeds a recorded transcript (the repo's copy under tests/fixtures/transcripts) through a parser, line by line.</summary>
internal static class Transcript
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "transcripts");

    public static IEnumerable<string> AllNames() =>
        System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public static byte[][] Lines(string name) => SplitLines(File.ReadAllBytes(Path.Combine(Directory, name)));

    public static byte[][] SplitLines(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == (byte)'\n')
            {
                if (i > start || i < bytes.Length)
                {
                    lines.Add(bytes[start..i]);
                }

                start = i + 1;
            }
        }

        return [.. lines];
    }

    public static ParsedRun Parse(IAgentStreamParser parser, string name, int? exitCode) =>
        Parse(parser, Lines(name), exitCode);

    public static ParsedRun Parse(IAgentStreamParser parser, IReadOnlyList<byte[]> lines, int? exitCode)
    {
        var perLine = new List<List<AgentEvent>>(lines.Count);
        foreach (var line in lines)
        {
            var events = new List<AgentEvent>();
            parser.ParseLine(line, events);
            perLine.Add(events);
        }

        var atEnd = new List<AgentEvent>();
        parser.Complete(exitCode, atEnd);
        return new ParsedRun(lines, perLine, atEnd);
    }

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
