using System.Buffers.Binary;
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

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length == 0)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxBytes || !Ascii.IsValid(utf8))
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
        ulong head, tail;
        if (utf8.Length >= 8)
        {
            head = BinaryPrimitives.ReadUInt64LittleEndian(utf8);
            tail = BinaryPrimitives.ReadUInt64LittleEndian(utf8[^8..]);
        }
        else
        {
            Span<byte> padded = stackalloc byte[8];
            padded.Clear();
            utf8.CopyTo(padded);
            head = BinaryPrimitives.ReadUInt64LittleEndian(padded);
            tail = 0;
        }

        var mixed = (head ^ (tail * 0x9E3779B97F4A7C15UL) ^ (ulong)utf8.Length) * 0xC2B2AE3D27D4EB4FUL;
        return (int)(mixed >> (64 - SlotBits));
    }
}
