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

    /// <summary>A string or key with at least one backslash escape: its text must be unescaped before use.</summary>
    public bool Escaped;

    /// <summary>For keys: the first eight bytes of the name and its length, so most mismatches cost one compare.</summary>
    public ulong KeyStamp;
}
