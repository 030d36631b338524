using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// The guard every parser puts in front of its own logic: blank lines yield nothing; huge, non-UTF-8, malformed or
/// non-object lines yield one <see cref="Unparsed"/>; a handler that trips over an unexpected shape yields one
/// <see cref="Unparsed"/> instead of an exception; a line the handler had nothing to say about yields a
/// <see cref="ProtocolNote"/>. So a run's events match its raw output line for line, and nothing ever throws.
/// </summary>
internal sealed class JsonLines
{
    public const int MaxLineBytes = 8 * 1024 * 1024;
    public const string NoTypeReason = "JSON object without a \"type\" field";
    private const int HugeLineRawBytes = 64 * 1024;

    /// <summary>Lines up to this size reuse the parser's own buffer; bigger ones borrow from the pool for one call.</summary>
    private const int KeptBufferLimit = 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 64,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private readonly List<AgentEvent> _scratch = new(8);
    private byte[] _buffer = new byte[4096];

    public void Parse(ReadOnlySpan<byte> line, ICollection<AgentEvent> output, IJsonLineHandler handler)
    {
        if (IsBlank(line))
        {
            return;
        }

        if (line.Length > MaxLineBytes)
        {
            output.Add(new Unparsed(Decode(line[..HugeLineRawBytes]), $"line too long ({line.Length} bytes, limit 8 MiB); not parsed, raw text cut to 64 KiB"));
            return;
        }

        if (line.StartsWith("\uFEFF"u8))
        {
            line = line[3..];
        }

        if (!Utf8.IsValid(line))
        {
            output.Add(new Unparsed(Decode(line), "invalid UTF-8"));
            return;
        }

        // JsonDocument.Parse over a copy reads the bytes once; ParseValue over the span would skip them, then parse a copy.
        var borrowed = line.Length > KeptBufferLimit ? ArrayPool<byte>.Shared.Rent(line.Length) : null;
        try
        {
            var buffer = borrowed ?? BufferFor(line.Length);
            line.CopyTo(buffer);
            ParseCopy(buffer.AsMemory(0, line.Length), line, output, handler);
        }
        finally
        {
            if (borrowed is not null)
            {
                ArrayPool<byte>.Shared.Return(borrowed);
            }
        }
    }

    private void ParseCopy(ReadOnlyMemory<byte> copy, ReadOnlySpan<byte> line, ICollection<AgentEvent> output, IJsonLineHandler handler)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(copy, DocumentOptions);
        }
        catch (JsonException ex)
        {
            output.Add(new Unparsed(Decode(line), MalformedReason(ex)));
            return;
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                output.Add(new Unparsed(Decode(line), "not a JSON object"));
                return;
            }

            Dispatch(document.RootElement, line, output, handler);
        }
    }

    private byte[] BufferFor(int length)
    {
        if (_buffer.Length < length)
        {
            _buffer = new byte[Math.Min(KeptBufferLimit, (int)BitOperations.RoundUpToPowerOf2((uint)length))];
        }

        return _buffer;
    }

    public static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or (byte)'\v'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes bytes for display; invalid sequences become U+FFFD.</summary>
    public static string Decode(ReadOnlySpan<byte> line) => Encoding.UTF8.GetString(line).TrimEnd('\r', '\n');

    private void Dispatch(JsonElement root, ReadOnlySpan<byte> line, ICollection<AgentEvent> output, IJsonLineHandler handler)
    {
        _scratch.Clear();
        string? rejection;
        try
        {
            rejection = handler.Handle(root, _scratch);
        }
#pragma warning disable CA1031 // the contract is "never throws": any surprise in a line becomes an Unparsed event
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _scratch.Clear();
            output.Add(new Unparsed(Decode(line), $"unexpected shape ({ex.GetType().Name})"));
            return;
        }

        if (rejection is not null)
        {
            output.Add(new Unparsed(Decode(line), rejection));
            return;
        }

        if (_scratch.Count == 0)
        {
            output.Add(new ProtocolNote(root.Str("type"u8) ?? "unrecognised"));
            return;
        }

        foreach (var e in _scratch)
        {
            output.Add(e);
        }
    }

    private static string MalformedReason(JsonException ex) =>
        ex.InnerException is InvalidOperationException || ex.BytePositionInLine is null
            ? "malformed JSON"
            : $"malformed JSON at byte {ex.BytePositionInLine}";
}
