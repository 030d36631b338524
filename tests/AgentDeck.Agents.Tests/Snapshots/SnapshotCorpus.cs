using System.Text;
using AgentDeck.Agents.Tests.Support;
using AgentDeck.Core;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests.Snapshots;

/// <summary>
/// Builds one agent's snapshot inputs and runs today's parsers over them:
/// <list type="number">
/// <item>every line of each of the agent's transcripts, in order, through one parser per file, then <c>Complete</c>
/// with the exit code the run ended with (<see cref="FixtureExitCodes"/>);</item>
/// <item>the fuzz corpus: <see cref="LineMutator"/>'s mutations of every line of the agent's <c>.ndjson</c> transcripts;
/// the edge numbers in the first occurrence of each numeric field path; per file, top-level non-objects, an empty
/// object and 63–66-deep nesting (arrays and objects) inside the file's middle line; per agent two ~100 KB strings.</item>
/// </list>
/// Each fuzzed line goes through a FRESH parser that has already read the transcript's preceding lines, so handlers that
/// depend on state (open turns, cumulative totals, open tool calls) see what they would see in a real run. Only the
/// fuzzed line's own events are kept (not those of a <c>Complete</c> after it), which keeps the snapshot small.
/// Everything is generated from <see cref="Seed"/>; nothing is random at test time.
/// </summary>
internal static class SnapshotCorpus
{
    public const ulong Seed = 20261122;
    private const int FuzzedPerShape = 3;
    private const int NumberInputsPerAgent = 600;
    private const int MinNumbersPerField = 6;
    private static readonly int[] NestingDepths = [63, 64, 65, 66];
    private static readonly string[] EchoedFields = ["text", "content", "result", "message", "delta", "thinking"];

    public static readonly AgentKind[] Agents = [AgentKind.Claude, AgentKind.Codex, AgentKind.Gemini, AgentKind.OpenCode];

    public static string NameOf(AgentKind agent) => agent.ToString().ToLowerInvariant();

    public static IReadOnlyList<SnapshotRecord> Build(AgentKind agent)
    {
        var files = Transcript.AllNames()
            .Where(n => n.StartsWith(NameOf(agent) + "-", StringComparison.Ordinal) && !n.EndsWith(".stdin.ndjson", StringComparison.Ordinal))
            .ToList();
        var records = new List<SnapshotRecord>();
        foreach (var file in files)
        {
            records.AddRange(Replay(file));
        }

        var random = new SplitMix(Seed + (ulong)agent);
        var mutator = new LineMutator(random);
        var shapes = new Dictionary<string, int>(StringComparer.Ordinal);
        var jsonFiles = files.Where(f => f.EndsWith(".ndjson", StringComparison.Ordinal)).Select(f => (Name: f, Lines: Transcript.Lines(f))).ToList();
        foreach (var (file, lines) in jsonFiles)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                if (!Parsing.JsonLines.IsBlank(lines[i]) && FirstFewOfItsShape(lines[i], shapes))
                {
                    records.AddRange(mutator.Mutate(lines[i]).Select(m => Run(file, lines, i, m)));
                }
            }

            records.AddRange(PerFile(lines).Select(m => Run(file, lines, lines.Length / 2, m)));
        }

        records.AddRange(EdgeNumbers(jsonFiles));
        records.AddRange(LongStrings(jsonFiles));
        return records;
    }

    /// <summary>
    /// True for the first <see cref="FuzzedPerShape"/> lines of a shape (the same fields, types and type/subtype
    /// values): the twenty near-identical Claude init lines would otherwise dominate the corpus and the snapshot.
    /// </summary>
    private static bool FirstFewOfItsShape(byte[] line, Dictionary<string, int> shapes)
    {
        var fields = JsonFieldMap.Of(line);
        var shape = string.Join(",", fields.Select(f => f.Name is "type" or "subtype" or "method"
            ? $"{f.Path}={Encoding.UTF8.GetString(line, f.ValueStart, f.ValueEnd - f.ValueStart)}"
            : $"{f.Path}:{f.KindName}"));
        shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
        return shapes[shape] <= FuzzedPerShape;
    }

    private static IEnumerable<SnapshotRecord> Replay(string file)
    {
        var parser = Parsers.For(file);
        var json = !file.EndsWith(".txt", StringComparison.Ordinal);
        var lines = Transcript.Lines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var events = new List<AgentEvent>();
            parser.ParseLine(lines[i], events);
            yield return new SnapshotRecord(file, i + 1, "none", lines[i], json, events);
        }

        var atEnd = new List<AgentEvent>();
        var exitCode = FixtureExitCodes.For(file);
        parser.Complete(exitCode, atEnd);
        yield return new SnapshotRecord(file, null, $"complete(exit={exitCode})", [], json, atEnd);
    }

    /// <summary>Feeds a fresh parser the lines before <paramref name="index"/>, then the mutated line.</summary>
    private static SnapshotRecord Run(string file, byte[][] lines, int index, Mutation mutation)
    {
        var parser = Parsers.For(file);
        var discarded = new List<AgentEvent>();
        for (var i = 0; i < index; i++)
        {
            parser.ParseLine(lines[i], discarded);
            discarded.Clear();
        }

        var events = new List<AgentEvent>();
        parser.ParseLine(mutation.Bytes, events);
        return new SnapshotRecord(file, index + 1, mutation.Name, mutation.Bytes, true, events);
    }

    private static IEnumerable<Mutation> PerFile(byte[][] lines)
    {
        yield return new("top-level:array-of-the-line", [.. "["u8, .. lines[lines.Length / 2], .. "]"u8]);
        yield return new("top-level:string", "\"type\""u8.ToArray());
        yield return new("top-level:number", "42"u8.ToArray());
        yield return new("top-level:true", "true"u8.ToArray());
        yield return new("top-level:null", "null"u8.ToArray());
        yield return new("empty-object", "{}"u8.ToArray());
        var middle = lines[lines.Length / 2];
        var open = Array.IndexOf(middle, (byte)'{');
        if (open < 0)
        {
            yield break;
        }

        foreach (var depth in NestingDepths)
        {
            // The line's own object is depth 1, so the inserted value nests depth - 1 more.
            var arrays = new string('[', depth - 1) + new string(']', depth - 1);
            var objects = string.Concat(Enumerable.Repeat("{\"a\":", depth - 2)) + "{}" + new string('}', depth - 2);
            yield return new($"nesting:arrays:{depth}", Mutation.Insert(middle, open + 1, Encoding.UTF8.GetBytes($"\"zz\":{arrays},")));
            yield return new($"nesting:objects:{depth}", Mutation.Insert(middle, open + 1, Encoding.UTF8.GetBytes($"\"zz\":{objects},")));
        }
    }

    /// <summary>
    /// Edge numbers in the first occurrence of each numeric field path of the agent's transcripts: all of them when the
    /// agent has few such paths, else a rotating window of at least <see cref="MinNumbersPerField"/> per path (about
    /// <see cref="NumberInputsPerAgent"/> inputs), so every edge still lands in many fields.
    /// </summary>
    private static IEnumerable<SnapshotRecord> EdgeNumbers(List<(string Name, byte[][] Lines)> files)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var firsts = new List<(string File, byte[][] Lines, int Index, JsonField Field)>();
        foreach (var (file, lines) in files)
        {
            for (var i = 0; i < lines.Length; i++)
            {
                firsts.AddRange(JsonFieldMap.Of(lines[i]).Where(f => f.IsNumber && seen.Add(f.Path)).Select(f => (file, lines, i, f)));
            }
        }

        var perField = Math.Clamp(NumberInputsPerAgent / Math.Max(1, firsts.Count), MinNumbersPerField, FuzzValues.Numbers.Length);
        var next = 0;
        foreach (var (file, lines, i, field) in firsts)
        {
            for (var k = 0; k < perField; k++)
            {
                var number = FuzzValues.Numbers[next++ % FuzzValues.Numbers.Length];
                var bytes = Mutation.Splice(lines[i], field.ValueStart, field.ValueEnd, Encoding.UTF8.GetBytes(number));
                yield return Run(file, lines, i, new($"number:{field.Path}:{number}", bytes));
            }
        }
    }

    /// <summary>
    /// A string value replaced by ~100 KB of text with escapes: the agent's longest one, and its longest one in a field
    /// that events echo (text, content, result, …), the lines a reader's buffers notice.
    /// </summary>
    private static IEnumerable<SnapshotRecord> LongStrings(List<(string Name, byte[][] Lines)> files)
    {
        var strings = files
            .SelectMany(f => f.Lines.Select((line, index) => (f.Name, f.Lines, Index: index, Fields: JsonFieldMap.Of(line))))
            .SelectMany(l => l.Fields.Where(x => x.IsString).Select(field => (l.Name, l.Lines, l.Index, Field: field)))
            .ToList();
        var echoed = strings.Where(s => EchoedFields.Contains(s.Field.Name)).ToList();
        var value = Encoding.UTF8.GetBytes($"\"{FuzzValues.LongStringContent()}\"");
        foreach (var candidates in new[] { strings, echoed }.Where(c => c.Count > 0))
        {
            var (file, lines, index, field) = candidates.MaxBy(x => x.Field.ValueEnd - x.Field.ValueStart);
            var bytes = Mutation.Splice(lines[index], field.ValueStart, field.ValueEnd, value);
            yield return Run(file, lines, index, new($"long-string:{field.Path}:{value.Length}", bytes));
        }
    }
}
