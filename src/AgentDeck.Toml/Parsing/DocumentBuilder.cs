namespace AgentDeck.Toml.Parsing;

/// <summary>
/// Builds the table tree and enforces TOML's definition rules: no duplicate keys, a table is defined once, dotted
/// keys and headers do not reopen each other's tables, inline tables and value arrays are closed.
/// </summary>
internal sealed class DocumentBuilder
{
    private readonly SourceCursor cursor;

    public DocumentBuilder(SourceCursor cursor)
    {
        this.cursor = cursor;
        Root = new TomlTable(new TomlPosition(1, 1), TableOrigin.Root);
        Current = Root;
    }

    public TomlTable Root { get; }

    /// <summary>The table that key/value lines go into: the root, or the last header's table.</summary>
    public TomlTable Current { get; private set; }

    /// <summary>The keys naming <see cref="Current"/>, for messages.</summary>
    public IReadOnlyList<string> CurrentPath { get; private set; } = [];

    /// <summary>[a.b.c]</summary>
    public void OpenTable(IReadOnlyList<KeySegment> key, TomlPosition headerPosition)
    {
        var parent = DescendForHeader(key);
        var last = key[^1];
        CurrentPath = key.Select(segment => segment.Name).ToArray();
        if (!parent.TryGetChild(last.Name, out var existing))
        {
            Current = new TomlTable(headerPosition, TableOrigin.Header);
            parent.Add(last.Name, Current, last.Position);
            return;
        }

        if (existing is TomlTable { Origin: TableOrigin.Implicit } implicitTable)
        {
            implicitTable.MarkDefinedByHeader(headerPosition);
            parent.MoveKeyPosition(last.Name, last.Position);
            Current = implicitTable;
            return;
        }

        throw cursor.Error(existing is TomlTable table
            ? $"table [{Name(key)}] is already defined {How(table)} at {At(table)}"
            : $"cannot define table [{Name(key)}]: {Name(key)} is already {Describe(existing)}", headerPosition);
    }

    /// <summary>[[a.b.c]]</summary>
    public void OpenArrayTable(IReadOnlyList<KeySegment> key, TomlPosition headerPosition)
    {
        var parent = DescendForHeader(key);
        var last = key[^1];
        var element = new TomlTable(headerPosition, TableOrigin.ArrayElement);
        if (!parent.TryGetChild(last.Name, out var existing))
        {
            var array = new TomlArray(headerPosition, isTableArray: true);
            parent.Add(last.Name, array, last.Position);
            existing = array;
        }

        if (existing is not TomlArray { IsTableArray: true } tableArray)
        {
            throw cursor.Error(existing is TomlArray
                ? $"cannot append to [[{Name(key)}]]: it is a static array defined at {At(existing)}, not an array of tables"
                : $"cannot define array of tables [[{Name(key)}]]: {Name(key)} is already {Describe(existing)}",
                headerPosition);
        }

        tableArray.Add(element);
        Current = element;
        CurrentPath = key.Select(segment => segment.Name).ToArray();
    }

    /// <summary>
    /// key = value, where key may be dotted, inside <paramref name="target"/>, whose own keys are
    /// <paramref name="targetPath"/> (used in messages).
    /// </summary>
    public void SetValue(TomlTable target, IReadOnlyList<string> targetPath, IReadOnlyList<KeySegment> key, TomlValue value)
    {
        string Name(int count = int.MaxValue) =>
            TomlKeyPath.Format(targetPath.Concat(key.Take(count).Select(segment => segment.Name)));

        var table = target;
        for (var i = 0; i < key.Count - 1; i++)
        {
            var segment = key[i];
            if (!table.TryGetChild(segment.Name, out var child))
            {
                var created = new TomlTable(segment.Position, TableOrigin.Dotted);
                table.Add(segment.Name, created, segment.Position);
                table = created;
                continue;
            }

            table = child switch
            {
                TomlTable { Origin: TableOrigin.Implicit or TableOrigin.Dotted } open => open,
                TomlTable { Origin: TableOrigin.Inline } => throw cursor.Error(
                    $"cannot add {Name()}: {Name(i + 1)} is an inline table (at {At(child)}), complete once written",
                    segment.Position),
                TomlTable closed => throw cursor.Error(
                    $"cannot add {Name()} with a dotted key: table [{Name(i + 1)}] was defined {How(closed)} at {At(closed)}",
                    segment.Position),
                _ => throw cursor.Error(
                    $"cannot add {Name()}: {Name(i + 1)} is already {Describe(child)}", segment.Position),
            };
        }

        var last = key[^1];
        if (table.TryGetChild(last.Name, out _))
        {
            table.TryGetKeyPosition(last.Name, out var previous);
            throw cursor.Error($"duplicate key {Name()}: already defined at line {previous.Line}, column {previous.Column}",
                last.Position);
        }

        table.Add(last.Name, value, last.Position);
    }

    private TomlTable DescendForHeader(IReadOnlyList<KeySegment> key)
    {
        var table = Root;
        for (var i = 0; i < key.Count - 1; i++)
        {
            var segment = key[i];
            if (!table.TryGetChild(segment.Name, out var child))
            {
                var created = new TomlTable(segment.Position, TableOrigin.Implicit);
                table.Add(segment.Name, created, segment.Position);
                table = created;
                continue;
            }

            table = child switch
            {
                TomlTable { Origin: TableOrigin.Inline } => throw cursor.Error(
                    $"cannot add to {Name(key, i + 1)}: it is an inline table (at {At(child)}), complete once written",
                    segment.Position),
                TomlTable open => open,
                TomlArray { IsTableArray: true } tableArray => (TomlTable)tableArray.Last,
                TomlArray => throw cursor.Error(
                    $"cannot add to {Name(key, i + 1)}: it is a static array defined at {At(child)}, not an array of tables",
                    segment.Position),
                _ => throw cursor.Error($"cannot use {Name(key)}: {Name(key, i + 1)} is already {Describe(child)}",
                    segment.Position),
            };
        }

        return table;
    }

    private static string Name(IReadOnlyList<KeySegment> key, int count = int.MaxValue) =>
        TomlKeyPath.Format(key.Take(count).Select(segment => segment.Name));

    private static string At(TomlValue value) => $"line {value.Position.Line}, column {value.Position.Column}";

    private static string Describe(TomlValue value) => $"{Article(value.KindName)} {value.KindName} (at {At(value)})";

    private static string Article(string word) => word[0] is 'a' or 'i' ? "an" : "a";

    private static string How(TomlTable table) => table.Origin switch
    {
        TableOrigin.Dotted => "by dotted keys",
        TableOrigin.Inline => "inline",
        TableOrigin.ArrayElement => "by [[header]]",
        _ => "by a header",
    };
}
