using System.Runtime.InteropServices;
using System.Text.Json;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// One value of a <see cref="JsonTape"/>: where its bytes are (string values and keys with their quotes) and, for an
/// object or array, the index just past its last descendant, so a reader skips a whole subtree in one step.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TapeEntry
{
    public int Start;
    public int Length;
    public int Next;
    public JsonValueKind Kind;

    /// <summary>
    /// For a key: the first eight bytes of the name and its length, so most mismatches cost one compare (zero for a
    /// name with escapes: compare the decoded name). For an object whose members were looked up: where its member
    /// index lies (start + 1 in the high half, count in the low half); zero before the first look-up.
    /// </summary>
    public ulong Stamp;
}
