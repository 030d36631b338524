using System.Collections;

namespace AgentDeck.Toml;

/// <summary>A TOML array: either a value array (<c>[1, 2]</c>) or an array of tables (<c>[[name]]</c>).</summary>
public sealed class TomlArray : TomlValue, IReadOnlyList<TomlValue>
{
    private readonly List<TomlValue> items = [];

    internal TomlArray(TomlPosition position, bool isTableArray)
        : base(position)
    {
        IsTableArray = isTableArray;
    }

    /// <summary>True when the array was built by <c>[[name]]</c> headers, so more headers may append to it.</summary>
    public bool IsTableArray { get; }

    public override TomlValueKind Kind => TomlValueKind.Array;

    public int Count => items.Count;

    public TomlValue this[int index] => items[index];

    /// <summary>The items as strings, when every item is a string.</summary>
    public bool TryGetStrings(out IReadOnlyList<string> strings)
    {
        var result = new string[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is not TomlString text)
            {
                strings = [];
                return false;
            }

            result[i] = text.Value;
        }

        strings = result;
        return true;
    }

    /// <summary>The items that are tables, in order (all of them for an array of tables).</summary>
    public IEnumerable<TomlTable> Tables => items.OfType<TomlTable>();

    public IEnumerator<TomlValue> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal void Add(TomlValue item) => items.Add(item);

    internal TomlValue Last => items[^1];
}
