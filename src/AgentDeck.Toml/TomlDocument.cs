using AgentDeck.Toml.Parsing;

namespace AgentDeck.Toml;

/// <summary>
/// A parsed TOML 1.0 document. Parse errors throw <see cref="TomlException"/> with the line, column and source name.
/// Lookups take TOML dotted keys: <c>doc.TryGetString("model_providers.mock.base_url", out var url)</c>.
/// </summary>
public sealed class TomlDocument
{
    private TomlDocument(TomlTable root, string? sourceName)
    {
        Root = root;
        SourceName = sourceName;
    }

    public TomlTable Root { get; }

    /// <summary>The file name or label given when parsing; it prefixes error messages.</summary>
    public string? SourceName { get; }

    public static TomlDocument Parse(string text, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new TomlDocument(TomlParser.Parse(SourceDecoder.Check(text, sourceName), sourceName), sourceName);
    }

    /// <summary>Parses UTF-8 bytes; invalid UTF-8 is a <see cref="TomlException"/>.</summary>
    public static TomlDocument Parse(ReadOnlySpan<byte> utf8, string? sourceName = null) =>
        new(TomlParser.Parse(SourceDecoder.Decode(utf8, sourceName), sourceName), sourceName);

    /// <summary>Reads and parses a file; the path is the source name in messages. I/O failures throw as usual.</summary>
    public static TomlDocument Load(string path) => Parse(File.ReadAllBytes(path), path);

    public bool TryGetValue(string path, out TomlValue value) => Root.TryGetValue(path, out value);

    public bool TryGetString(string path, out string value) => Root.TryGetString(path, out value);

    public bool TryGetInteger(string path, out long value) => Root.TryGetInteger(path, out value);

    public bool TryGetFloat(string path, out double value) => Root.TryGetFloat(path, out value);

    public bool TryGetBoolean(string path, out bool value) => Root.TryGetBoolean(path, out value);

    public bool TryGetDateTime(string path, out TomlDateTime value) => Root.TryGetDateTime(path, out value);

    public bool TryGetArray(string path, out TomlArray value) => Root.TryGetArray(path, out value);

    public bool TryGetTable(string path, out TomlTable value) => Root.TryGetTable(path, out value);

    /// <summary>Where the last key of <paramref name="path"/> was written.</summary>
    public bool TryGetPosition(string path, out TomlPosition position) => Root.TryGetPosition(path, out position);

    /// <summary>
    /// Every table in document order with its dotted path, depth first, including the root (path "") and each
    /// element of an array of tables (reported under the array's path).
    /// </summary>
    public IEnumerable<KeyValuePair<string, TomlTable>> EnumerateTables()
    {
        var pending = new Stack<(List<string> Keys, TomlTable Table)>();
        pending.Push(([], Root));
        while (pending.Count > 0)
        {
            var (keys, table) = pending.Pop();
            yield return KeyValuePair.Create(TomlKeyPath.Format(keys), table);
            var children = new List<(List<string>, TomlTable)>();
            foreach (var (key, value) in table)
            {
                var childKeys = new List<string>(keys) { key };
                children.AddRange(value switch
                {
                    TomlTable child => [(childKeys, child)],
                    TomlArray array => array.Tables.Select(element => (childKeys, element)),
                    _ => [],
                });
            }

            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push(children[i]);
            }
        }
    }
}
