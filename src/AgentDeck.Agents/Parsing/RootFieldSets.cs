namespace AgentDeck.Agents.Parsing;

/// <summary>
/// For up to 32 line types (the value of the top-level <c>type</c>), the top-level fields a handler reads. A name maps to
/// a bit mask of the types that keep it, so one lookup per field serves every type.
/// </summary>
internal sealed class RootFieldSets
{
    private readonly Dictionary<string, int> _typeIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _masks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _maskLookup;

    public RootFieldSets(IReadOnlyDictionary<string, string[]> fieldsByType)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fieldsByType.Count, 32);
        foreach (var (type, fields) in fieldsByType)
        {
            var bit = 1 << _typeIndex.Count;
            _typeIndex[type] = _typeIndex.Count;
            foreach (var field in fields.Append("type"))
            {
                _masks[field] = _masks.GetValueOrDefault(field) | bit;
                LongestName = Math.Max(LongestName, field.Length);
            }
        }

        _maskLookup = _masks.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int LongestName { get; }

    /// <summary>The types that keep a field (bit i: the i-th type); 0 when none does.</summary>
    public int MaskOf(ReadOnlySpan<char> name) => _maskLookup.TryGetValue(name, out var mask) ? mask : 0;

    /// <summary>The bit of a line type, or 0 when the handler reads all fields of that type.</summary>
    public int BitOf(string? type) => type is not null && _typeIndex.TryGetValue(type, out var index) ? 1 << index : 0;

    public bool Filters(ReadOnlySpan<byte> type)
    {
        Span<char> chars = stackalloc char[64];
        return type.Length <= chars.Length && System.Text.Encoding.UTF8.TryGetChars(type, chars, out var written) &&
               _typeIndex.GetAlternateLookup<ReadOnlySpan<char>>().ContainsKey(chars[..written]);
    }
}
