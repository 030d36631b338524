using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// A validating index of one JSON text: two passes check the grammar and record every value's place and kind, and
/// readers then look values up without building a document. It accepts exactly what
/// <see cref="JsonDocument"/> accepts with comments and trailing commas disallowed and <see cref="MaxDepth"/> 64
/// (the input is known to be valid UTF-8), which tests check against System.Text.Json line by line. A vector pass
/// (<see cref="JsonStructure"/>) finds the places that matter, then a grammar pass walks only those. Reused line
/// after line: a value read from it is valid until the next line.
/// </summary>
internal sealed class JsonTape
{
    public const int MaxDepth = JsonGrammar.MaxDepth;

    /// <summary>Spaces the copy has after the JSON: the first pass reads whole 64-byte blocks.</summary>
    private const int Padding = JsonStructure.BlockBytes;

    /// <summary>A copy buffer kept between lines; a huge line's bigger one is dropped on the next line.</summary>
    private const int KeptBytes = 1024 * 1024;

    /// <summary>Entries kept between lines; a huge line's bigger table is dropped after use.</summary>
    private const int KeptEntries = 64 * 1024;

    private static readonly Vector256<byte> Spaces = Vector256.Create((byte)' ');

    private readonly RecentStrings _recent = new();
    private readonly int[] _openContainers = new int[MaxDepth];
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

    /// <summary>After <see cref="TryRead"/>: false when the text was seen to be plain ASCII (and so valid UTF-8).</summary>
    public bool MayBeNonAscii { get; private set; } = true;

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
        ref var stamps = ref MemoryMarshal.GetArrayDataReference(_memberStamps);
        for (var i = start + (int)(uint)place - 1; i >= start; i--)
        {
            var candidate = Unsafe.Add(ref stamps, i);
            if (candidate != stamp && candidate != 0)
            {
                continue;
            }

            var key = _memberKeys[i];
            if (KeyEquals(key, utf8Name))
            {
                return key + 1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Lists an object's member keys and the stamps the walk gave them, side by side. Room is made first for as many
    /// members as the object's entries allow (each takes two or more), so the hop from member to member is the loop's
    /// only dependent load.
    /// </summary>
    private ulong IndexMembers(int obj)
    {
        var start = _memberCount;
        var end = _entries[obj].Next;
        var most = (end - obj) / 2;
        if (start + most > _memberKeys.Length)
        {
            var size = Math.Max(_memberKeys.Length * 2, start + most);
            Array.Resize(ref _memberKeys, size);
            Array.Resize(ref _memberStamps, size);
        }

        ref var entries = ref MemoryMarshal.GetArrayDataReference(_entries);
        ref var keys = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_memberKeys), start);
        ref var stamps = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_memberStamps), start);
        var count = 0;
        for (var key = obj + 1; key < end; key = Unsafe.Add(ref entries, key + 1).Next)
        {
            Unsafe.Add(ref stamps, count) = Unsafe.Add(ref entries, key).Stamp;
            Unsafe.Add(ref keys, count) = key;
            count++;
        }

        _memberCount = start + count;
        var place = ((ulong)(start + 1) << 32) | (uint)count;
        _entries[obj].Stamp = place;
        return place;
    }

    /// <summary>Whether the key entry at <paramref name="key"/> names <paramref name="utf8Name"/> (escapes decoded).</summary>
    internal bool KeyEquals(int key, ReadOnlySpan<byte> utf8Name)
    {
        var raw = RawText(key);
        return IsEscaped(key) ? TapeStrings.NameEquals(raw, utf8Name) : raw.SequenceEqual(utf8Name);
    }

    /// <summary>The text of a string or key entry (quotes off, escapes decoded); the copy's padding allows reading past it.</summary>
    internal string Text(int index)
    {
        var raw = RawText(index);
        return IsEscaped(index) ? TapeStrings.Text(raw, escaped: true) : _recent.Get(raw, knownAscii: !MayBeNonAscii);
    }

    /// <summary>A string or key entry's bytes between its quotes.</summary>
    private ReadOnlySpan<byte> RawText(int index)
    {
        ref readonly var entry = ref _entries[index];
        return _json.AsSpan(entry.Start + 1, entry.Length - 2);
    }

    /// <summary>Whether a string or key entry holds a backslash escape, so that its text must be decoded.</summary>
    private bool IsEscaped(int index)
    {
        if (!_anyBackslash)
        {
            return false;
        }

        ref readonly var entry = ref _entries[index];
        return JsonGrammar.HasBackslash(_backslashes, entry.Start + 1, entry.Start + entry.Length - 1);
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
        ref var padding = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_json), json.Length);
        Spaces.StoreUnsafe(ref padding);
        Spaces.StoreUnsafe(ref padding, (nuint)Vector256<byte>.Count);
        _length = json.Length;
        _count = 0;
        _memberCount = 0;
        // Agents print compact JSON, where every colon sits right after its name's closing quote: the walk then checks
        // it there, without listing it. A text that fails that way (a space before a colon, or a grammar error) is
        // read once more with every colon listed, which decides.
        var listed = JsonStructure.List(_json, _length, _places, _backslashes, listColons: false, out var colons, out _anyBackslash, out var nonAscii);
        MayBeNonAscii = nonAscii;
        if (listed < 0)
        {
            return false;
        }

        _count = Walk(listed, colonsListed: false, colons);
        if (_count < 0)
        {
            listed = JsonStructure.List(_json, _length, _places, _backslashes, listColons: true, out _, out _, out _);
            _count = Walk(listed, colonsListed: true, colons);
        }

        if (_count < 0)
        {
            _count = 0;
            return false;
        }

        return true;
    }

    private int Walk(int listed, bool colonsListed, int colons)
    {
        // A place no rule accepts (the space after the text) ends every walk that runs past the list.
        _places[listed] = _length;
        if (_entries.Length < listed)
        {
            // A value takes at least one place, so the walk never needs more entries than places.
            _entries = new TapeEntry[Math.Max(listed, _entries.Length * 2)];
        }

        return JsonGrammar.Walk(_json, _places, listed, colonsListed, colons, _anyBackslash ? _backslashes : null, _entries, _openContainers);
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
}
