using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// The strings a parser read lately, by their bytes: an agent repeats the same short values line after line (types,
/// subtypes, models, tool names, session ids), and answering them from here saves an allocation and a transcoding
/// each time. Direct-mapped and ASCII only, so a hit costs a hash and one vector compare, and a miss costs nothing
/// beyond the string it had to make anyway.
/// </summary>
internal sealed class RecentStrings
{
    public const int MaxBytes = 64;
    private const int SlotBits = 9;

    private readonly string?[] _slots = new string?[1 << SlotBits];

    /// <summary>
    /// The string of <paramref name="utf8"/>, which must lie in a buffer where eight bytes can be read from its start;
    /// <paramref name="knownAscii"/> when the caller saw the whole text was ASCII already.
    /// </summary>
    public string Get(ReadOnlySpan<byte> utf8, bool knownAscii = false)
    {
        if (utf8.Length == 0)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxBytes || !(knownAscii || Ascii.IsValid(utf8)))
        {
            return Encoding.UTF8.GetString(utf8);
        }

        ref var slot = ref _slots[Slot(utf8)];
        if (slot is { } known && known.Length == utf8.Length && Ascii.Equals(utf8, known))
        {
            return known;
        }

        var text = Encoding.ASCII.GetString(utf8);
        slot = text;
        return text;
    }

    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        var head = Unsafe.ReadUnaligned<ulong>(ref MemoryMarshal.GetReference(utf8));
        if (utf8.Length < 8)
        {
            head &= (1UL << (8 * utf8.Length)) - 1;
        }

        var tail = utf8.Length >= 8 ? BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]) : 0;
        return Mix(head, tail, utf8.Length);
    }

    private static int Mix(ulong head, ulong tail, int length)
    {
        var mixed = (head ^ (tail * 0x9E3779B97F4A7C15UL) ^ (ulong)length) * 0xC2B2AE3D27D4EB4FUL;
        return (int)(mixed >> (64 - SlotBits));
    }
}
