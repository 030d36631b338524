using System.Text.Json;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// Copies a line's top-level object keeping only the fields its handler reads for the line's type, in their order and
/// byte for byte (duplicates included, so the last one still wins), so that the document built from the copy answers
/// every lookup of the handler exactly as the whole line's would. One <see cref="Utf8JsonReader"/> pass with the
/// document's own options checks the whole line; anything unusual (malformed, not an object, a type that keeps every
/// field) answers false and the caller parses the whole line as before.
/// </summary>
internal sealed class RootFieldPruner(RootFieldSets sets, JsonReaderOptions options)
{
    /// <summary>Below this size a line is parsed whole: the pass would cost more than it saves.</summary>
    public const int MinLineBytes = 1024;

    private const int NameChars = 256;

    private readonly List<(int Start, int End, int Mask)> _fields = new(32);
    private byte[] _copy = new byte[4096];

    public bool TryPrune(ReadOnlySpan<byte> line, out ReadOnlyMemory<byte> pruned)
    {
        pruned = default;
        if (line.Length < MinLineBytes || !MayFilter(line))
        {
            return false;
        }

        try
        {
            return Scan(line) is var typeBit and not 0 && Copy(line, typeBit, out pruned);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            // A string the reader cannot decode (e.g. an escaped lone surrogate in "type"): the whole-line path reports it.
            return false;
        }
    }

    /// <summary>Cheap guess from a leading <c>"type"</c> so lines of other types skip the pass; the pass itself decides.</summary>
    private bool MayFilter(ReadOnlySpan<byte> line)
    {
        ReadOnlySpan<byte> prefix = "{\"type\":\""u8;
        if (!line.StartsWith(prefix))
        {
            return true;
        }

        var rest = line[prefix.Length..];
        var quote = rest.IndexOfAny((byte)'"', (byte)'\\');
        return quote < 0 || rest[quote] == (byte)'\\' || sets.Filters(rest[..quote]);
    }

    /// <summary>Reads the whole line, noting each top-level field's bytes; returns the bit of the line's type (0: keep all).</summary>
    private int Scan(ReadOnlySpan<byte> line)
    {
        _fields.Clear();
        var reader = new Utf8JsonReader(line, options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return 0;
        }

        string? type = null;
        Span<char> name = stackalloc char[NameChars];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var start = (int)reader.TokenStartIndex;
            var mask = reader.ValueSpan.Length <= NameChars ? sets.MaskOf(name[..reader.CopyString(name)]) : 0;
            var isType = mask != 0 && reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType)
            {
                // The document answers the last "type", and only a string counts.
                type = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
            if (mask != 0)
            {
                _fields.Add((start, (int)reader.BytesConsumed, mask));
            }
        }

        // Trailing bytes after the object throw here, as they make the document fail.
        return reader.TokenType == JsonTokenType.EndObject && !reader.Read() ? sets.BitOf(type) : 0;
    }

    private bool Copy(ReadOnlySpan<byte> line, int typeBit, out ReadOnlyMemory<byte> pruned)
    {
        if (_copy.Length < line.Length + 2)
        {
            _copy = new byte[Math.Max(_copy.Length * 2, line.Length + 2)];
        }

        var length = 0;
        _copy[length++] = (byte)'{';
        foreach (var (start, end, mask) in _fields)
        {
            if ((mask & typeBit) == 0)
            {
                continue;
            }

            if (length > 1)
            {
                _copy[length++] = (byte)',';
            }

            line[start..end].CopyTo(_copy.AsSpan(length));
            length += end - start;
        }

        _copy[length++] = (byte)'}';
        pruned = _copy.AsMemory(0, length);
        return true;
    }
}
