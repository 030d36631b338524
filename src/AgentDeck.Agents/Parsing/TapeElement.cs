using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// A value in a <see cref="JsonTape"/>, read the way <see cref="JsonElement"/> reads it (same kinds, same strings,
/// same number conversions, the last of duplicated names wins), so parsers moved from one to the other say the same
/// things. Valid until its tape reads the next line.
/// </summary>
internal readonly struct TapeElement
{
    private readonly JsonTape _tape;
    private readonly int _index;

    internal TapeElement(JsonTape tape, int index)
    {
        _tape = tape;
        _index = index;
    }

    public JsonValueKind ValueKind => _tape is null ? JsonValueKind.Undefined : _tape.Entry(_index).Kind;

    /// <summary>The value's JSON text as it appears in the line (a string with its quotes).</summary>
    public ReadOnlySpan<byte> RawBytes => _tape.Bytes(_index);

    public string GetRawText() => Encoding.UTF8.GetString(RawBytes);

    /// <summary>A string's text, null for JSON null; throws <see cref="InvalidOperationException"/> for other kinds or bad surrogate escapes.</summary>
    public string? GetString()
    {
        ref readonly var entry = ref _tape.Entry(_index);
        return entry.Kind switch
        {
            JsonValueKind.String => _tape.Text(_index),
            JsonValueKind.Null => null,
            _ => throw new InvalidOperationException($"the value is {entry.Kind}, not a string"),
        };
    }

    public bool TryGetProperty(ReadOnlySpan<byte> utf8Name, out TapeElement value)
    {
        RequireKind(JsonValueKind.Object);
        var found = _tape.FindMember(_index, utf8Name);
        value = found < 0 ? default : new TapeElement(_tape, found);
        return found >= 0;
    }

    public int GetArrayLength()
    {
        RequireKind(JsonValueKind.Array);
        var count = 0;
        var items = new TapeChildren(_tape, _index, membersOfObject: false);
        while (items.MoveNext())
        {
            count++;
        }

        return count;
    }

    public ArrayEnumerator EnumerateArray()
    {
        RequireKind(JsonValueKind.Array);
        return new ArrayEnumerator(_tape, _index);
    }

    public ObjectEnumerator EnumerateObject()
    {
        RequireKind(JsonValueKind.Object);
        return new ObjectEnumerator(_tape, _index);
    }

    public bool TryGetInt64(out long value)
    {
        var raw = NumberBytes();
        if (Utf8Parser.TryParse(raw, out long parsed, out var consumed) && consumed == raw.Length)
        {
            value = parsed;
            return true;
        }

        value = 0;
        return false;
    }

    public bool TryGetDouble(out double value)
    {
        var raw = NumberBytes();
        if (Utf8Parser.TryParse(raw, out double parsed, out var consumed) && consumed == raw.Length)
        {
            value = parsed;
            return true;
        }

        value = 0;
        return false;
    }

    public bool TryGetDecimal(out decimal value)
    {
        var raw = NumberBytes();
        if (Utf8Parser.TryParse(raw, out decimal parsed, out var consumed) && consumed == raw.Length)
        {
            value = parsed;
            return true;
        }

        value = 0;
        return false;
    }

    private ReadOnlySpan<byte> NumberBytes()
    {
        RequireKind(JsonValueKind.Number);
        return RawBytes;
    }

    private void RequireKind(JsonValueKind kind)
    {
        if (ValueKind != kind)
        {
            throw new InvalidOperationException($"the value is {ValueKind}, not {kind}");
        }
    }

    /// <summary>The items of an array, in order.</summary>
    public struct ArrayEnumerator
    {
        private TapeChildren _children;

        internal ArrayEnumerator(JsonTape tape, int array) => _children = new TapeChildren(tape, array, membersOfObject: false);

        public readonly TapeElement Current => new(_children.Tape, _children.Current);

        public readonly ArrayEnumerator GetEnumerator() => this;

        public bool MoveNext() => _children.MoveNext();
    }

    /// <summary>The members of an object, in order (duplicated names included, as JsonElement enumerates them).</summary>
    public struct ObjectEnumerator
    {
        private TapeChildren _children;

        internal ObjectEnumerator(JsonTape tape, int obj) => _children = new TapeChildren(tape, obj, membersOfObject: true);

        public readonly TapeProperty Current => new(_children.Tape, _children.Current);

        public readonly ObjectEnumerator GetEnumerator() => this;

        public bool MoveNext() => _children.MoveNext();
    }
}
