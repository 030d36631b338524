using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// A validating index of one JSON text: a single pass checks the grammar and records every value's place and kind,
/// and readers then look values up without building a document. It accepts exactly what
/// <see cref="JsonDocument"/> accepts with comments and trailing commas disallowed and <see cref="MaxDepth"/> 64
/// (the input is known to be valid UTF-8), which tests check against System.Text.Json line by line. A vector pass
/// (<see cref="JsonStructure"/>) finds the places that matter, then a grammar pass walks only those. Reused line
/// after line: a value read from it is valid until the next line.
/// </summary>
internal sealed class JsonTape
{
    public const int MaxDepth = 64;

    /// <summary>Spaces the copy has after the JSON: the first pass reads whole 64-byte blocks.</summary>
    private const int Padding = JsonStructure.BlockBytes;

    /// <summary>A copy buffer kept between lines; a huge line's bigger one is dropped on the next line.</summary>
    private const int KeptBytes = 1024 * 1024;

    /// <summary>Entries kept between lines; a huge line's bigger table is dropped after use.</summary>
    private const int KeptEntries = 64 * 1024;

    private static readonly uint TrueBytes = BinaryPrimitives.ReadUInt32LittleEndian("true"u8);
    private static readonly uint AlseBytes = BinaryPrimitives.ReadUInt32LittleEndian("alse"u8);
    private static readonly uint NullBytes = BinaryPrimitives.ReadUInt32LittleEndian("null"u8);

    private readonly RecentStrings _recent = new();
    private ulong[] _memberStamps = new ulong[256];
    private int[] _memberKeys = new int[256];
    private int _memberCount;
    private TapeEntry[] _entries = new TapeEntry[512];
    private byte[] _json = [];
    private int[] _places = [];
    private ulong[] _backslashes = [];
    private bool _anyBackslash;
    private int _length;
    private int _count;

    /// <summary>The root value of the text last read successfully.</summary>
    public TapeElement Root => new(this, 0);

    public int Count => _count;

    internal ReadOnlySpan<byte> Bytes(int index)
    {
        ref readonly var entry = ref _entries[index];
        return _json.AsSpan(entry.Start, entry.Length);
    }

    internal ref readonly TapeEntry Entry(int index) => ref _entries[index];

    /// <summary>
    /// The value of the last member of object <paramref name="obj"/> named <paramref name="utf8Name"/> (JsonDocument
    /// answers the last of duplicated names), or -1. The first look-up in an object lists its members' stamps side by
    /// side, so later ones scan a flat array from the end instead of hopping from member to member.
    /// </summary>
    internal int FindMember(int obj, ReadOnlySpan<byte> utf8Name)
    {
        var place = _entries[obj].Stamp;
        if (place == 0)
        {
            place = IndexMembers(obj);
        }

        var start = (int)(place >> 32) - 1;
        var stamp = Stamp(utf8Name);
        for (var i = start + (int)(uint)place - 1; i >= start; i--)
        {
            var candidate = _memberStamps[i];
            if (candidate != stamp && candidate != 0)
            {
                continue;
            }

            var key = _memberKeys[i];
            ref readonly var entry = ref _entries[key];
            var raw = _json.AsSpan(entry.Start + 1, entry.Length - 2);
            if (entry.Escaped ? TapeStrings.NameEquals(raw, utf8Name) : raw.SequenceEqual(utf8Name))
            {
                return key + 1;
            }
        }

        return -1;
    }

    /// <summary>Lists an object's member keys and stamps (zero, "compare the name", for escaped keys).</summary>
    private ulong IndexMembers(int obj)
    {
        var start = _memberCount;
        var end = _entries[obj].Next;
        for (var key = obj + 1; key < end; key = _entries[key + 1].Next)
        {
            if (_memberCount == _memberKeys.Length)
            {
                Array.Resize(ref _memberKeys, _memberCount * 2);
                Array.Resize(ref _memberStamps, _memberCount * 2);
            }

            ref readonly var entry = ref _entries[key];
            _memberStamps[_memberCount] = entry.Escaped ? 0 : entry.Stamp;
            _memberKeys[_memberCount++] = key;
        }

        var place = ((ulong)(start + 1) << 32) | (uint)(_memberCount - start);
        _entries[obj].Stamp = place;
        return place;
    }

    /// <summary>The text of a string or key entry (quotes off, escapes decoded); the copy's padding allows reading past it.</summary>
    internal string Text(int index)
    {
        ref readonly var entry = ref _entries[index];
        var raw = _json.AsSpan(entry.Start + 1, entry.Length - 2);
        return entry.Escaped ? TapeStrings.Text(raw, escaped: true) : _recent.Get(raw);
    }

    /// <summary>Indexes a copy of <paramref name="json"/>; false when it is not one valid JSON value.</summary>
    public bool TryRead(ReadOnlySpan<byte> json)
    {
        if (_entries.Length > KeptEntries)
        {
            _entries = new TapeEntry[512];
        }

        if (_json.Length < json.Length + Padding || _json.Length > KeptBytes)
        {
            var size = Math.Max(4096, (int)BitOperations.RoundUpToPowerOf2((uint)(json.Length + Padding)));
            _json = new byte[size];
            _places = new int[size];
            _backslashes = new ulong[size / JsonStructure.BlockBytes];
        }

        json.CopyTo(_json);
        _json.AsSpan(json.Length, Padding).Fill((byte)' ');
        _length = json.Length;
        _count = 0;
        _memberCount = 0;
        var listed = JsonStructure.List(_json, _length, _places, _backslashes);
        _anyBackslash = json.IndexOf((byte)'\\') >= 0;
        if (listed < 0)
        {
            return false;
        }

        // A place no rule accepts ends every walk that runs past the list.
        _places[listed] = _length;
        _json[_length] = 0;
        return Walk(listed);
    }

    /// <summary>
    /// The grammar pass over the listed places: nesting, keys, colons, commas, numbers and literals. Every read stays
    /// within the list: a place that breaks the grammar ends the walk, and the sentinel place breaks every rule.
    /// </summary>
    private bool Walk(int listed)
    {
        if (_entries.Length < listed)
        {
            // A value takes at least one place, so the walk never grows the table.
            _entries = new TapeEntry[Math.Max(listed, _entries.Length * 2)];
        }

        ref var json = ref MemoryMarshal.GetArrayDataReference(_json);
        ref var places = ref MemoryMarshal.GetArrayDataReference(_places);
        Span<int> open = stackalloc int[MaxDepth];
        ulong objects = 0;
        var depth = 0;
        var k = 0;
        while (true)
        {
            // A value starts at the next place.
            var at = Unsafe.Add(ref places, k++);
            var c = Unsafe.Add(ref json, at);
            if (c is (byte)'{' or (byte)'[')
            {
                if (depth >= MaxDepth)
                {
                    return false;
                }

                var isObject = c == '{';
                var container = Add(isObject ? JsonValueKind.Object : JsonValueKind.Array, at, 0);
                open[depth] = container;
                objects = isObject ? objects | (1UL << depth) : objects & ~(1UL << depth);
                depth++;
                var next = Unsafe.Add(ref places, k);
                if (Unsafe.Add(ref json, next) == c + 2)
                {
                    // '{' + 2 is '}' and '[' + 2 is ']'.
                    k++;
                    Close(container, next);
                    depth--;
                }
                else
                {
                    if (isObject && !ReadKey(ref json, ref places, ref k))
                    {
                        return false;
                    }

                    continue;
                }
            }
            else if (c == '"')
            {
                AddString(at, Unsafe.Add(ref places, k++));
            }
            else if (!ReadAtom(at, c))
            {
                return false;
            }

            // A value ended: close containers or go on to the next member.
            while (true)
            {
                if (depth == 0)
                {
                    return k == listed;
                }

                at = Unsafe.Add(ref places, k++);
                c = Unsafe.Add(ref json, at);
                var inObject = ((objects >> (depth - 1)) & 1) != 0;
                if (c == ',')
                {
                    if (inObject && !ReadKey(ref json, ref places, ref k))
                    {
                        return false;
                    }

                    break;
                }

                if (c != (inObject ? (byte)'}' : (byte)']'))
                {
                    return false;
                }

                Close(open[depth - 1], at);
                depth--;
            }
        }
    }

    /// <summary>A member's name and its colon.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ReadKey(ref byte json, ref int places, ref int k)
    {
        var open = Unsafe.Add(ref places, k);
        if (Unsafe.Add(ref json, open) != '"')
        {
            return false;
        }

        var close = Unsafe.Add(ref places, k + 1);
        var index = AddString(open, close);
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), index).Stamp = PaddedStamp(_json, open + 1, close - open - 1);
        if (Unsafe.Add(ref json, Unsafe.Add(ref places, k + 2)) != ':')
        {
            return false;
        }

        k += 3;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int AddString(int open, int close)
    {
        var index = Add(JsonValueKind.String, open, close + 1 - open);
        if (_anyBackslash)
        {
            Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), index).Escaped = HasBackslash(open + 1, close);
        }

        return index;
    }

    /// <summary>Whether [from, to) holds a backslash, from the first pass's per-block bits.</summary>
    private bool HasBackslash(int from, int to)
    {
        if (from >= to)
        {
            return false;
        }

        var first = from / JsonStructure.BlockBytes;
        var last = (to - 1) / JsonStructure.BlockBytes;
        for (var block = first; block <= last; block++)
        {
            var bits = _backslashes[block];
            if (block == first)
            {
                bits &= ulong.MaxValue << (from % JsonStructure.BlockBytes);
            }

            if (block == last)
            {
                bits &= ulong.MaxValue >> (JsonStructure.BlockBytes - 1 - ((to - 1) % JsonStructure.BlockBytes));
            }

            if (bits != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A number or literal at <paramref name="at"/>, which must end where whitespace, punctuation or the text does.
    /// Reads run past the text without checks: the copy ends in a zero byte and spaces, which end every atom.
    /// </summary>
    private bool ReadAtom(int at, byte first)
    {
        ref var json = ref MemoryMarshal.GetArrayDataReference(_json);
        int end;
        switch (first)
        {
            case (byte)'t' when Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref json, at)) == TrueBytes:
                Add(JsonValueKind.True, at, 4);
                end = at + 4;
                break;
            case (byte)'f' when Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref json, at + 1)) == AlseBytes:
                Add(JsonValueKind.False, at, 5);
                end = at + 5;
                break;
            case (byte)'n' when Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref json, at)) == NullBytes:
                Add(JsonValueKind.Null, at, 4);
                end = at + 4;
                break;
            default:
                end = Number(ref json, at);
                if (end < 0)
                {
                    return false;
                }

                Add(JsonValueKind.Number, at, end - at);
                break;
        }

        return end <= _length && EndsAtom[Unsafe.Add(ref json, end)] != 0;
    }

    /// <summary>RFC 8259's number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?; the index after it, or -1.</summary>
    private static int Number(ref byte json, int at)
    {
        var i = at;
        if (Unsafe.Add(ref json, i) == '-')
        {
            i++;
        }

        var c = Unsafe.Add(ref json, i);
        if (c == '0')
        {
            i++;
        }
        else if (c is >= (byte)'1' and <= (byte)'9')
        {
            i = SkipDigits(ref json, i + 1);
        }
        else
        {
            return -1;
        }

        if (Unsafe.Add(ref json, i) == '.')
        {
            var fraction = i + 1;
            i = SkipDigits(ref json, fraction);
            if (i == fraction)
            {
                return -1;
            }
        }

        if ((Unsafe.Add(ref json, i) | 0x20) == 'e')
        {
            i++;
            if (Unsafe.Add(ref json, i) is (byte)'+' or (byte)'-')
            {
                i++;
            }

            var exponent = i;
            i = SkipDigits(ref json, exponent);
            if (i == exponent)
            {
                return -1;
            }
        }

        return i;
    }

    private static int SkipDigits(ref byte json, int i)
    {
        while (char.IsAsciiDigit((char)Unsafe.Add(ref json, i)))
        {
            i++;
        }

        return i;
    }

    /// <summary>A new entry; the walk sized the table for every place, so there is always room.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Add(JsonValueKind kind, int start, int length)
    {
        var index = _count++;
        ref var entry = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), index);
        entry.Start = start;
        entry.Length = length;
        entry.Next = index + 1;
        entry.Kind = kind;
        entry.Escaped = false;
        entry.Stamp = 0;
        return index;
    }

    private void Close(int container, int closingBracket)
    {
        ref var entry = ref _entries[container];
        entry.Length = closingBracket + 1 - entry.Start;
        entry.Next = _count;
    }

    /// <summary><see cref="Stamp"/> of a name in the padded copy: eight bytes can always be read there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PaddedStamp(byte[] json, int start, int length)
    {
        var head = Unsafe.ReadUnaligned<ulong>(ref json[start]);
        if (length < 8)
        {
            head &= (1UL << (8 * length)) - 1;
        }

        return (BitConverter.IsLittleEndian ? head : BinaryPrimitives.ReverseEndianness(head)) ^ ((ulong)length << 56);
    }

    /// <summary>The first eight bytes of a raw name (zero-filled) mixed with its length.</summary>
    internal static ulong Stamp(ReadOnlySpan<byte> name)
    {
        ulong head;
        if (name.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(name);
        }
        else if (name.Length >= 4)
        {
            // Two overlapping four-byte reads give exactly the name's bytes.
            head = BinaryPrimitives.ReadUInt32LittleEndian(name)
                   | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(name[^4..]) << (8 * (name.Length - 4)));
        }
        else
        {
            head = 0;
            for (var i = 0; i < name.Length; i++)
            {
                head |= (ulong)name[i] << (8 * i);
            }
        }

        return head ^ ((ulong)name.Length << 56);
    }

    /// <summary>Bytes that may follow a number or literal: whitespace, punctuation, and the zero after the text.</summary>
    private static ReadOnlySpan<byte> EndsAtom =>
    [
        1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
}
