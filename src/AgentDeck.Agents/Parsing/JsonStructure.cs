using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// The first pass of <see cref="JsonTape"/>: classifies 64 bytes at a time with vector compares and bit arithmetic
/// (which quotes are escaped, which bytes are inside strings) and lists the places the grammar pass must look at:
/// brackets, colons and commas outside strings, every unescaped quote, and the first byte of every number or
/// literal. It also rejects what no grammar could accept: a control character inside a string or a bad escape. A
/// branchy byte-by-byte scan pays a mispredicted branch for nearly every token; this pays one per listed place.
/// </summary>
internal static class JsonStructure
{
    public const int BlockBytes = 64;

    private static readonly Vector256<byte> Quote = Vector256.Create((byte)'"');
    private static readonly Vector256<byte> Backslash = Vector256.Create((byte)'\\');
    private static readonly Vector256<byte> Space = Vector256.Create((byte)' ');
    private static readonly Vector256<byte> Tab = Vector256.Create((byte)'\t');
    private static readonly Vector256<byte> LineFeed = Vector256.Create((byte)'\n');
    private static readonly Vector256<byte> Return = Vector256.Create((byte)'\r');
    private static readonly Vector256<byte> Colon = Vector256.Create((byte)':');
    private static readonly Vector256<byte> Comma = Vector256.Create((byte)',');
    private static readonly Vector128<ulong> AllOnes = Vector128.Create(ulong.MaxValue);

    /// <summary>'[' | 0x20 = '{' and ']' | 0x20 = '}': one compare finds both kinds of bracket.</summary>
    private static readonly Vector256<byte> CaseBit = Vector256.Create((byte)0x20);
    private static readonly Vector256<byte> OpenBrace = Vector256.Create((byte)'{');
    private static readonly Vector256<byte> CloseBrace = Vector256.Create((byte)'}');

    /// <summary>
    /// By low nibble, the one whitespace byte with that nibble (' ' 0, '\t' 9, '\n' A, '\r' D) and, elsewhere, a byte
    /// whose own low nibble differs from its slot: a byte is whitespace when the table gives it back.
    /// </summary>
    private static readonly Vector256<byte> WhitespaceTable = Vector256.Create(
        (byte)' ', 100, 100, 100, 17, 100, 113, 2, 100, (byte)'\t', (byte)'\n', 112, 100, (byte)'\r', 100, 100,
        (byte)' ', 100, 100, 100, 17, 100, 113, 2, 100, (byte)'\t', (byte)'\n', 112, 100, (byte)'\r', 100, 100);

    /// <summary>
    /// By low nibble, ':' (A), '{' (B), ',' (C), '}' (D): a byte OR 0x20 that the table gives back is punctuation.
    /// Two control characters (0x0C, 0x1A) pass too; the grammar pass reads the real byte and rejects them.
    /// </summary>
    private static readonly Vector256<byte> OperatorTable = Vector256.Create(
        (byte)0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)':', (byte)'{', (byte)',', (byte)'}', 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte)':', (byte)'{', (byte)',', (byte)'}', 0, 0);

    /// <summary>
    /// Lists the places of <paramref name="json"/>[0..<paramref name="length"/>) into <paramref name="places"/> and
    /// returns how many, or -1 when the text cannot be JSON. Colons are listed only when <paramref name="listColons"/>
    /// is set; <paramref name="colons"/> counts those outside strings either way. <paramref name="anyBackslash"/> says
    /// whether any string may need unescaping, <paramref name="nonAscii"/> whether the text may hold bytes above 0x7F
    /// (true when it was not read to the end). The array must have <see cref="BlockBytes"/> spaces after the text,
    /// <paramref name="places"/> room for length + 8 entries, and <paramref name="backslashes"/> one word per block.
    /// </summary>
    public static int List(byte[] json, int length, int[] places, ulong[] backslashes, bool listColons, out int colons, out bool anyBackslash, out bool nonAscii)
    {
        ref var origin = ref MemoryMarshal.GetArrayDataReference(json);
        ref var place = ref MemoryMarshal.GetArrayDataReference(places);
        var count = 0;
        ulong escapedCarry = 0;
        ulong inStringCarry = 0;
        ulong atomCarry = 0;
        ulong allSlashes = 0;
        var highBits = Vector256<byte>.Zero;
        var unlistedColons = listColons ? 0UL : ulong.MaxValue;
        colons = 0;
        anyBackslash = false;

        // Until every block was seen the text may hold anything.
        nonAscii = true;
        for (int start = 0, block = 0; start < length; start += BlockBytes, block++)
        {
            var low = Vector256.LoadUnsafe(ref origin, (nuint)start);
            var high = Vector256.LoadUnsafe(ref origin, (nuint)(start + 32));
            var quotes = Bits(Vector256.Equals(low, Quote), Vector256.Equals(high, Quote));
            var slashes = Bits(Vector256.Equals(low, Backslash), Vector256.Equals(high, Backslash));
            backslashes[block] = slashes;
            allSlashes |= slashes;
            highBits |= low | high;

            ulong escaped = 0;
            if ((slashes | escapedCarry) != 0 && !TryFindEscaped(json, start, length, slashes, ref escapedCarry, out escaped))
            {
                return -1;
            }

            var realQuotes = quotes & ~escaped;
            var inString = PrefixXor(realQuotes) ^ inStringCarry;
            inStringCarry = (ulong)((long)inString >> 63);

            // Compact JSON has no control character at all: one compare over both halves rules them out.
            if (Vector256.LessThanAny(Vector256.Min(low, high), Space)
                && (Bits(Vector256.LessThan(low, Space), Vector256.LessThan(high, Space)) & inString) != 0)
            {
                // A raw control character (tab and newline included) inside a string.
                return -1;
            }

            var (whitespace, operators) = Classify(low, high);

            var atoms = ~(operators | whitespace | quotes | inString);
            var atomStarts = atoms & ~((atoms << 1) | atomCarry);
            atomCarry = atoms >> 63;

            var colonBits = Bits(Vector256.Equals(low, Colon), Vector256.Equals(high, Colon)) & ~inString;
            colons += BitOperations.PopCount(colonBits);

            // Past the text there are only spaces, which list nothing.
            var listed = ((operators & ~inString) | realQuotes | atomStarts) & ~(colonBits & unlistedColons);

            // Eight places per round without a branch each (the list has room past its end): one mispredicted exit
            // per block instead of one per place.
            var total = count + BitOperations.PopCount(listed);
            while (count < total)
            {
                ref var at = ref Unsafe.Add(ref place, count);
                at = start + BitOperations.TrailingZeroCount(listed);
                listed &= listed - 1;
                Unsafe.Add(ref at, 1) = start + BitOperations.TrailingZeroCount(listed);
                listed &= listed - 1;
                Unsafe.Add(ref at, 2) = start + BitOperations.TrailingZeroCount(listed);
                listed &= listed - 1;
                Unsafe.Add(ref at, 3) = start + BitOperations.TrailingZeroCount(listed);
                listed &= listed - 1;
                Unsafe.Add(ref at, 4) = start + BitOperations.TrailingZeroCount(listed);
                listed &= listed - 1;
                Unsafe.Add(ref at, 5) = start + BitOperations.TrailingZeroCount(listed);
                listed &= listed - 1;
                Unsafe.Add(ref at, 6) = start + BitOperations.TrailingZeroCount(listed);
                listed &= listed - 1;
                Unsafe.Add(ref at, 7) = start + BitOperations.TrailingZeroCount(listed);
                listed &= listed - 1;
                count += 8;
            }

            count = total;
        }

        anyBackslash = allSlashes != 0;
        nonAscii = highBits.ExtractMostSignificantBits() != 0;
        return inStringCarry != 0 ? -1 : count;
    }

    /// <summary>
    /// Which bytes of the block a backslash escapes, checking that each escape is one JSON allows (false if not).
    /// Bit 0 may be escaped by a backslash that ended the block before: <paramref name="carry"/> says so, both ways.
    /// </summary>
    private static bool TryFindEscaped(byte[] json, int start, int length, ulong slashes, ref ulong carry, out ulong escaped)
    {
        escaped = carry;
        carry = 0;
        var pending = slashes & ~escaped;
        while (pending != 0)
        {
            var bit = BitOperations.TrailingZeroCount(pending);
            pending &= pending - 1;
            if (((escaped >> bit) & 1) != 0)
            {
                // This backslash is itself escaped ("\\"): a plain character.
                continue;
            }

            // Only a backslash inside a string is valid at all; one outside fails the grammar pass as a stray byte,
            // so checking what follows it as an escape changes nothing.
            if (!IsEscape(json, start + bit, length))
            {
                return false;
            }

            if (bit == BlockBytes - 1)
            {
                carry = 1;
            }
            else
            {
                escaped |= 1UL << (bit + 1);
            }
        }

        return true;
    }

    private static bool IsEscape(byte[] json, int slash, int length)
    {
        if (slash + 1 >= length)
        {
            return false;
        }

        return json[slash + 1] switch
        {
            (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t' => true,
            (byte)'u' => slash + 5 < length && IsHex(json[slash + 2]) && IsHex(json[slash + 3]) && IsHex(json[slash + 4]) && IsHex(json[slash + 5]),
            _ => false,
        };
    }

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);

    /// <summary>Whitespace and punctuation bits of a block: two table look-ups per half where AVX2 has them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Whitespace, ulong Operators) Classify(Vector256<byte> low, Vector256<byte> high)
    {
        var lowFolded = low | CaseBit;
        var highFolded = high | CaseBit;
        if (Avx2.IsSupported)
        {
            return (
                Bits(Vector256.Equals(Avx2.Shuffle(WhitespaceTable, low), low), Vector256.Equals(Avx2.Shuffle(WhitespaceTable, high), high)),
                Bits(Vector256.Equals(Avx2.Shuffle(OperatorTable, lowFolded), lowFolded), Vector256.Equals(Avx2.Shuffle(OperatorTable, highFolded), highFolded)));
        }

        return (
            Bits(
                Vector256.Equals(low, Space) | Vector256.Equals(low, Tab) | Vector256.Equals(low, LineFeed) | Vector256.Equals(low, Return),
                Vector256.Equals(high, Space) | Vector256.Equals(high, Tab) | Vector256.Equals(high, LineFeed) | Vector256.Equals(high, Return)),
            Bits(
                Vector256.Equals(lowFolded, OpenBrace) | Vector256.Equals(lowFolded, CloseBrace) | Vector256.Equals(low, Colon) | Vector256.Equals(low, Comma),
                Vector256.Equals(highFolded, OpenBrace) | Vector256.Equals(highFolded, CloseBrace) | Vector256.Equals(high, Colon) | Vector256.Equals(high, Comma)));
    }

    private static ulong Bits(Vector256<byte> low, Vector256<byte> high) =>
        low.ExtractMostSignificantBits() | ((ulong)high.ExtractMostSignificantBits() << 32);

    /// <summary>Bit i becomes the XOR of bits 0..i: set from an opening quote up to (not including) its closing one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PrefixXor(ulong bits)
    {
        if (Pclmulqdq.IsSupported)
        {
            // A carry-less multiply by all ones is exactly the prefix XOR, in one instruction instead of twelve.
            return Pclmulqdq.CarrylessMultiply(Vector128.CreateScalar(bits), AllOnes, 0).ToScalar();
        }

        bits ^= bits << 1;
        bits ^= bits << 2;
        bits ^= bits << 4;
        bits ^= bits << 8;
        bits ^= bits << 16;
        bits ^= bits << 32;
        return bits;
    }
}
