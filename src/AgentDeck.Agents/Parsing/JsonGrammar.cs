using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// The second pass of <see cref="JsonTape"/>: walks the places <see cref="JsonStructure"/> listed and checks the
/// grammar (nesting, names, colons, commas, numbers, literals) while it writes the tape's entries. Every read stays
/// within the list: a place that breaks the grammar ends the walk, and the sentinel place after the list breaks every
/// rule. Reads of numbers and literals run past the text without checks: the copy ends in spaces, which end them.
/// </summary>
internal static class JsonGrammar
{
    public const int MaxDepth = 64;

    private static readonly uint TrueBytes = BinaryPrimitives.ReadUInt32LittleEndian("true"u8);
    private static readonly uint AlseBytes = BinaryPrimitives.ReadUInt32LittleEndian("alse"u8);
    private static readonly uint NullBytes = BinaryPrimitives.ReadUInt32LittleEndian("null"u8);

    /// <summary>
    /// Writes the entries of the text and returns how many, or -1 when the grammar does not hold. The entry table
    /// needs room for one entry per listed place; <paramref name="backslashes"/> is null when the text has none;
    /// <paramref name="openContainers"/> holds <see cref="MaxDepth"/> ints of scratch. Keys get their stamp here,
    /// where their bytes are at hand (most are looked up); whether a string value holds escapes is left to its reader.
    /// When colons were not listed, every name must have its colon right after its closing quote, and the text must
    /// hold exactly <paramref name="colons"/> colons outside strings, one per name: then no colon is anywhere else.
    /// </summary>
    public static int Walk(byte[] text, int[] placeList, int listed, bool colonsListed, int colons, ulong[]? backslashes, TapeEntry[] table, int[] openContainers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(openContainers.Length, MaxDepth);
        ref var json = ref MemoryMarshal.GetArrayDataReference(text);
        ref var places = ref MemoryMarshal.GetArrayDataReference(placeList);
        ref var entries = ref MemoryMarshal.GetArrayDataReference(table);

        // An array from the caller rather than stackalloc: a method with stackalloc is compiled once, fully optimized
        // but without the profile-guided tier.
        ref var open = ref MemoryMarshal.GetArrayDataReference(openContainers);
        ulong objects = 0;
        var depth = 0;
        var k = 0;
        var count = 0;
        var names = 0;
        var keyPlaces = colonsListed ? 3 : 2;
        while (true)
        {
            // A value starts at the next place.
            var at = Unsafe.Add(ref places, k++);
            var c = Unsafe.Add(ref json, at);
            if (c is (byte)'{' or (byte)'[')
            {
                if (depth >= MaxDepth)
                {
                    return -1;
                }

                var isObject = c == '{';
                var container = count;
                Put(ref entries, count++, isObject ? JsonValueKind.Object : JsonValueKind.Array, at, 0);
                Unsafe.Add(ref entries, container).Stamp = 0;
                Unsafe.Add(ref open, depth) = container;
                objects = isObject ? objects | (1UL << depth) : objects & ~(1UL << depth);
                depth++;
                var next = Unsafe.Add(ref places, k);
                if (Unsafe.Add(ref json, next) == c + 2)
                {
                    // '{' + 2 is '}' and '[' + 2 is ']'.
                    k++;
                    Close(ref entries, container, next, count);
                    depth--;
                }
                else
                {
                    if (isObject && !Key(ref json, ref places, ref k, keyPlaces, ref entries, ref count, ref names, backslashes))
                    {
                        return -1;
                    }

                    continue;
                }
            }
            else if (c == '"')
            {
                PutString(ref entries, count++, at, Unsafe.Add(ref places, k++));
            }
            else if (!Atom(ref json, at, c, ref entries, ref count))
            {
                return -1;
            }

            // A value ended: close containers or go on to the next member.
            while (true)
            {
                if (depth == 0)
                {
                    return k == listed && (colonsListed || names == colons) ? count : -1;
                }

                at = Unsafe.Add(ref places, k++);
                c = Unsafe.Add(ref json, at);
                var inObject = ((objects >> (depth - 1)) & 1) != 0;
                if (c == ',')
                {
                    if (inObject && !Key(ref json, ref places, ref k, keyPlaces, ref entries, ref count, ref names, backslashes))
                    {
                        return -1;
                    }

                    break;
                }

                if (c != (inObject ? (byte)'}' : (byte)']'))
                {
                    return -1;
                }

                Close(ref entries, Unsafe.Add(ref open, depth - 1), at, count);
                depth--;
            }
        }
    }

    /// <summary>
    /// A member's name (an entry with its stamp) and its colon: the next listed place, or, when colons are not listed
    /// (<paramref name="keyPlaces"/> 2), the byte right after the closing quote.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Key(ref byte json, ref int places, ref int k, int keyPlaces, ref TapeEntry entries, ref int count, ref int names, ulong[]? backslashes)
    {
        var open = Unsafe.Add(ref places, k);
        if (Unsafe.Add(ref json, open) != '"')
        {
            return false;
        }

        var close = Unsafe.Add(ref places, k + 1);
        var index = count++;
        PutString(ref entries, index, open, close);
        Unsafe.Add(ref entries, index).Stamp = backslashes is not null && NameHasBackslash(backslashes, open + 1, close)
            ? 0
            : Stamp(ref json, open + 1, close - open - 1);
        var colon = keyPlaces == 3 ? Unsafe.Add(ref places, k + 2) : close + 1;
        if (Unsafe.Add(ref json, colon) != ':')
        {
            return false;
        }

        k += keyPlaces;
        names++;
        return true;
    }

    /// <summary>A number or literal, which must end where whitespace, punctuation or the text does.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Atom(ref byte json, int at, byte first, ref TapeEntry entries, ref int count)
    {
        int end;
        switch (first)
        {
            case (byte)'t' when Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref json, at)) == TrueBytes:
                Put(ref entries, count++, JsonValueKind.True, at, 4);
                end = at + 4;
                break;
            case (byte)'f' when Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref json, at + 1)) == AlseBytes:
                Put(ref entries, count++, JsonValueKind.False, at, 5);
                end = at + 5;
                break;
            case (byte)'n' when Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref json, at)) == NullBytes:
                Put(ref entries, count++, JsonValueKind.Null, at, 4);
                end = at + 4;
                break;
            default:
                end = Number(ref json, at);
                if (end < 0)
                {
                    return false;
                }

                Put(ref entries, count++, JsonValueKind.Number, at, end - at);
                break;
        }

        // The spaces after the text end every number, and a literal is matched whole: an atom never runs past the text.
        return EndsAtom[Unsafe.Add(ref json, end)] != 0;
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(ref TapeEntry entries, int index, JsonValueKind kind, int start, int length)
    {
        // Stamp is read of keys and objects only: the walk sets it for those.
        ref var entry = ref Unsafe.Add(ref entries, index);
        entry.Start = start;
        entry.Length = length;
        entry.Next = index + 1;
        entry.Kind = kind;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PutString(ref TapeEntry entries, int index, int open, int close) =>
        Put(ref entries, index, JsonValueKind.String, open, close + 1 - open);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Close(ref TapeEntry entries, int container, int closingBracket, int count)
    {
        ref var entry = ref Unsafe.Add(ref entries, container);
        entry.Length = closingBracket + 1 - entry.Start;
        entry.Next = count;
    }

    /// <summary>Out of the walk's loop, which has registers enough to keep without it: most lines hold no backslash.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool NameHasBackslash(ulong[] backslashes, int from, int to) => HasBackslash(backslashes, from, to);

    /// <summary>
    /// Whether [from, to) holds a backslash, from the first pass's per-block bits (one word per 64-byte block of the
    /// text, so every block of the range has one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool HasBackslash(ulong[] backslashes, int from, int to)
    {
        if (from >= to)
        {
            return false;
        }

        ref var words = ref MemoryMarshal.GetArrayDataReference(backslashes);
        var first = (uint)from / JsonStructure.BlockBytes;
        var last = (uint)(to - 1) / JsonStructure.BlockBytes;

        // Shifts of a ulong count modulo 64: the bit of `from` within its block, and of the last byte within its own.
        var head = Unsafe.Add(ref words, first) & (ulong.MaxValue << from);
        var tail = ulong.MaxValue >> (JsonStructure.BlockBytes - 1 - ((to - 1) % JsonStructure.BlockBytes));
        if (first == last)
        {
            return (head & tail) != 0;
        }

        return head != 0 || (Unsafe.Add(ref words, last) & tail) != 0 || backslashes.AsSpan((int)first + 1, (int)(last - first - 1)).ContainsAnyExcept(0UL);
    }

    /// <summary>
    /// <see cref="JsonTape.Stamp"/> of a name in the padded copy, where eight bytes can always be read; zero (compare
    /// the name itself) stands for a name with escapes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Stamp(ref byte json, int start, int length)
    {
        var head = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref json, start));
        if (length < 8)
        {
            head &= (1UL << (8 * length)) - 1;
        }

        return (BitConverter.IsLittleEndian ? head : BinaryPrimitives.ReverseEndianness(head)) ^ ((ulong)length << 56);
    }

    /// <summary>Bytes that may follow a number or literal: whitespace (the spaces after the text too) and punctuation.</summary>
    private static ReadOnlySpan<byte> EndsAtom =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
}
