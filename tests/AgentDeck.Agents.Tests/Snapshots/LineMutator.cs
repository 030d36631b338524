using System.Text;

namespace AgentDeck.Agents.Tests.Snapshots;

/// <summary>
/// The mutations of one real line: about 25 per line, chosen by the seeded generator where a choice is needed (a
/// position, a field, a replacement type). Lists of samples (escapes, non-UTF-8 sequences, …) are walked with a running
/// counter, so across a transcript's lines every sample is used many times without multiplying the corpus.
/// </summary>
internal sealed class LineMutator(SplitMix random)
{
    private static readonly string[] SessionKeys = ["session_id", "sessionID", "sessionId", "thread_id", "threadId"];
    private int _counter;

    public IEnumerable<Mutation> Mutate(byte[] line)
    {
        var fields = JsonFieldMap.Of(line);
        var turn = _counter++;
        foreach (var m in Bytewise(line))
        {
            yield return m;
        }

        if (fields.Count == 0)
        {
            yield break; // a line that is not a JSON object has no fields to work on
        }

        var strings = fields.Where(f => f.IsString).ToList();
        for (var i = 0; i < 3; i++)
        {
            var field = random.Pick(fields);
            var candidates = FuzzValues.Typed.Where(t => !t.Kind.StartsWith(field.KindName, StringComparison.Ordinal)).ToList();
            var (kind, text) = random.Pick(candidates);
            yield return new($"type:{field.Path}:{field.KindName}->{kind}", Mutation.Splice(line, field.ValueStart, field.ValueEnd, Utf8(text)));
        }

        foreach (var m in InStrings(line, strings, turn))
        {
            yield return m;
        }

        foreach (var m in Structural(line, fields, turn))
        {
            yield return m;
        }
    }

    private IEnumerable<Mutation> Bytewise(byte[] line)
    {
        if (line.Length < 2)
        {
            yield break;
        }

        var cuts = new SortedSet<int> { 1, line.Length - 1, 1 + random.Below(line.Length - 1) };
        foreach (var cut in cuts)
        {
            yield return new($"truncate@{cut}", line[..cut]);
        }

        for (var i = 0; i < 2; i++)
        {
            var at = random.Below(line.Length);
            var flipped = (byte[])line.Clone();
            flipped[at] ^= (byte)(1 << random.Below(8));
            yield return new($"flip@{at}:{line[at]:x2}->{flipped[at]:x2}", flipped);
        }

        var removeAt = random.Below(line.Length);
        yield return new($"remove@{removeAt}", Mutation.Splice(line, removeAt, removeAt + 1, []));
        var duplicateAt = random.Below(line.Length);
        yield return new($"duplicate@{duplicateAt}", Mutation.Insert(line, duplicateAt, [line[duplicateAt]]));
    }

    private IEnumerable<Mutation> InStrings(byte[] line, List<JsonField> strings, int turn)
    {
        if (strings.Count == 0)
        {
            yield break;
        }

        for (var i = 0; i < 2; i++)
        {
            var field = random.Pick(strings);
            var (name, text) = FuzzValues.Escapes[(turn * 2 + i) % FuzzValues.Escapes.Length];
            yield return new($"escape:{field.Path}:{name}", Mutation.Insert(line, field.ValueStart + 1, Utf8(text)));
        }

        var named = random.Pick(strings);
        if (IsPlainAscii(line[named.NameStart + 1]))
        {
            yield return new($"escaped-name:{named.Path}", Mutation.Splice(line, named.NameStart + 1, named.NameStart + 2, Utf8($"\\u{line[named.NameStart + 1]:x4}")));
        }

        var valued = random.Pick(strings);
        if (valued.ValueEnd - valued.ValueStart > 2 && IsPlainAscii(line[valued.ValueStart + 1]))
        {
            yield return new($"escaped-value:{valued.Path}", Mutation.Splice(line, valued.ValueStart + 1, valued.ValueStart + 2, Utf8($"\\u{line[valued.ValueStart + 1]:X4}")));
        }

        var controlled = random.Pick(strings);
        var control = FuzzValues.ControlBytes[turn % FuzzValues.ControlBytes.Length];
        yield return new($"raw-control:{controlled.Path}:{control:x2}", Mutation.Insert(line, controlled.ValueStart + 1, [control]));

        var broken = random.Pick(strings);
        var (badName, badBytes) = FuzzValues.NonUtf8[turn % FuzzValues.NonUtf8.Length];
        yield return new($"non-utf8:{broken.Path}:{badName}", Mutation.Insert(line, broken.ValueStart + 1, badBytes));
    }

    private IEnumerable<Mutation> Structural(byte[] line, IReadOnlyList<JsonField> fields, int turn)
    {
        var open = Array.IndexOf(line, (byte)'{');
        var close = Array.LastIndexOf(line, (byte)'}');
        yield return new("duplicate-key:type:first-differs", Mutation.Insert(line, open + 1, "\"type\":\"bogus\","u8));
        yield return new("duplicate-key:type:last-differs", Mutation.Insert(line, close, ",\"type\":\"bogus\""u8));
        var topLevel = fields.Where(f => f.Depth == 1 && f.Name != "type").ToList();
        var session = topLevel.FirstOrDefault(f => SessionKeys.Contains(f.Name));
        var other = session ?? (topLevel.Count > 0 ? random.Pick(topLevel) : null);
        if (other is not null)
        {
            var key = Encoding.UTF8.GetString(line, other.NameStart, other.ValueStart - other.NameStart);
            yield return turn % 2 == 0
                ? new($"duplicate-key:{other.Name}:first-differs", Mutation.Insert(line, open + 1, Utf8($"{key}\"dup\",")))
                : new($"duplicate-key:{other.Name}:last-differs", Mutation.Insert(line, close, Utf8($",{key}\"dup\"")));
        }

        yield return new("trailing-comma:object", Mutation.Insert(line, close, ","u8));
        var array = fields.FirstOrDefault(f => f.Kind == System.Text.Json.JsonTokenType.StartArray && f.ValueEnd - f.ValueStart > 2);
        if (array is not null)
        {
            yield return new($"trailing-comma:array:{array.Path}", Mutation.Insert(line, array.ValueEnd - 1, ","u8));
        }

        yield return turn % 2 == 0
            ? new("comment:block-after-open", Mutation.Insert(line, open + 1, "/*c*/"u8))
            : new("comment:line-at-end", [.. line, .. "//c"u8]);
        yield return new("whitespace:space-tab-cr-around", [.. " \t\r"u8, .. line, .. " \t\r"u8]);
        yield return turn % 2 == 0
            ? new("whitespace:formfeed-lead", [.. "\f"u8, .. line])
            : new("whitespace:vtab-trail", [.. line, .. "\v"u8]);
        yield return new("bom", [0xEF, 0xBB, 0xBF, .. line]);
        yield return (turn % 3) switch
        {
            0 => new("two-values:line-twice", [.. line, .. line]),
            1 => new("two-values:then-empty-object", [.. line, .. " {}"u8]),
            _ => new("two-values:then-number", [.. line, .. " 1"u8]),
        };
    }

    private static bool IsPlainAscii(byte b) => b is >= 0x20 and < 0x7F and not (byte)'\\' and not (byte)'"';

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
