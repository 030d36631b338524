using System.Collections;
using AgentDeck.Toml.Parsing;

namespace AgentDeck.Toml;

/// <summary>
/// A TOML table. Keys keep the order they were written in. Lookups that take a <c>path</c> accept a TOML dotted
/// key (<c>model_providers.mock.base_url</c>, <c>profiles."gpt-5.1".model</c>); <see cref="this[string]"/> and
/// <see cref="TryGetChild"/> take one raw key.
/// </summary>
public sealed class TomlTable : TomlValue, IEnumerable<KeyValuePair<string, TomlValue>>
{
    private readonly Dictionary<string, int> indexByKey = new(StringComparer.Ordinal);
    private readonly List<Entry> entries = [];

    internal TomlTable(TomlPosition position, TableOrigin origin)
        : base(position)
    {
        Origin = origin;
    }

    public override TomlValueKind Kind => TomlValueKind.Table;

    public int Count => entries.Count;

    public IEnumerable<string> Keys => entries.Select(entry => entry.Key);

    /// <summary>The direct children that are tables, in order.</summary>
    public IEnumerable<KeyValuePair<string, TomlTable>> ChildTables =>
        entries.Where(entry => entry.Value is TomlTable)
            .Select(entry => KeyValuePair.Create(entry.Key, (TomlTable)entry.Value));

    internal TableOrigin Origin { get; set; }

    public TomlValue this[string key] => TryGetChild(key, out var value)
        ? value
        : throw new KeyNotFoundException($"The table has no key {TomlKeyPath.Format([key])}.");

    public bool ContainsKey(string key) => indexByKey.ContainsKey(key);

    /// <summary>The direct child under one raw (unquoted, undotted) key.</summary>
    public bool TryGetChild(string key, out TomlValue value)
    {
        if (indexByKey.TryGetValue(key, out var index))
        {
            value = entries[index].Value;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>Where a direct child's key was written (for a table defined by a header: the header's key).</summary>
    public bool TryGetKeyPosition(string key, out TomlPosition position)
    {
        var found = indexByKey.TryGetValue(key, out var index);
        position = found ? entries[index].KeyPosition : default;
        return found;
    }

    public bool TryGetValue(string path, out TomlValue value) => TryGetValue(TomlKeyPath.Parse(path), out value);

    /// <summary>Follows raw keys through nested tables.</summary>
    public bool TryGetValue(IReadOnlyList<string> keys, out TomlValue value)
    {
        value = null!;
        if (!TryGetParent(keys, out var parent))
        {
            return false;
        }

        return parent.TryGetChild(keys[^1], out value);
    }

    /// <summary>Where the last key of the path was written, so a config check can point at the entry.</summary>
    public bool TryGetPosition(string path, out TomlPosition position)
    {
        var keys = TomlKeyPath.Parse(path);
        position = default;
        return TryGetParent(keys, out var parent) && parent.TryGetKeyPosition(keys[^1], out position);
    }

    public bool TryGet<T>(string path, out T value)
        where T : TomlValue
    {
        var found = TryGetValue(path, out var any) && any is T;
        value = found ? (T)any : null!;
        return found;
    }

    public bool TryGetString(string path, out string value) => Unwrap<TomlString, string>(path, s => s.Value, out value);

    public bool TryGetInteger(string path, out long value) => Unwrap<TomlInteger, long>(path, i => i.Value, out value);

    public bool TryGetBoolean(string path, out bool value) => Unwrap<TomlBoolean, bool>(path, b => b.Value, out value);

    /// <summary>A float, or an integer widened to a float (so <c>temperature = 1</c> reads as 1.0).</summary>
    public bool TryGetFloat(string path, out double value)
    {
        if (TryGetValue(path, out var any))
        {
            switch (any)
            {
                case TomlFloat number:
                    value = number.Value;
                    return true;
                case TomlInteger whole:
                    value = whole.Value;
                    return true;
            }
        }

        value = 0;
        return false;
    }

    public bool TryGetDateTime(string path, out TomlDateTime value) => TryGet(path, out value);

    public bool TryGetArray(string path, out TomlArray value) => TryGet(path, out value);

    public bool TryGetTable(string path, out TomlTable value) => TryGet(path, out value);

    public IEnumerator<KeyValuePair<string, TomlValue>> GetEnumerator() =>
        entries.Select(entry => KeyValuePair.Create(entry.Key, entry.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(string key, TomlValue value, TomlPosition keyPosition)
    {
        indexByKey.Add(key, entries.Count);
        entries.Add(new Entry(key, value, keyPosition));
    }

    /// <summary>An implicitly created table gets its own header: it now counts as written there.</summary>
    internal void MarkDefinedByHeader(TomlPosition headerPosition)
    {
        Origin = TableOrigin.Header;
        Position = headerPosition;
    }

    internal void MoveKeyPosition(string key, TomlPosition keyPosition)
    {
        var index = indexByKey[key];
        entries[index] = entries[index] with { KeyPosition = keyPosition };
    }

    private bool TryGetParent(IReadOnlyList<string> keys, out TomlTable parent)
    {
        parent = this;
        for (var i = 0; i < keys.Count - 1; i++)
        {
            if (!parent.TryGetChild(keys[i], out var child) || child is not TomlTable table)
            {
                return false;
            }

            parent = table;
        }

        return keys.Count > 0;
    }

    private bool Unwrap<TValue, TResult>(string path, Func<TValue, TResult> unwrap, out TResult value)
        where TValue : TomlValue
    {
        var found = TryGet<TValue>(path, out var typed);
        value = found ? unwrap(typed) : default!;
        return found;
    }

    private readonly record struct Entry(string Key, TomlValue Value, TomlPosition KeyPosition);
}
