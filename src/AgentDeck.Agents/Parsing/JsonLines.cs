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

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = JsonTape.MaxDepth,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    private readonly List<AgentEvent> _scratch = new(8);
    private readonly JsonTape _tape = new();

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

        // The tape reads any bytes; it also says when the line is plain ASCII, so most lines skip the UTF-8 check.
        var read = _tape.TryRead(line);
        if (_tape.MayBeNonAscii && !Utf8.IsValid(line))
        {
            output.Add(new Unparsed(Decode(line), "invalid UTF-8"));
            return;
        }

        if (!read)
        {
            output.Add(new Unparsed(Decode(line), MalformedReason(line)));
            return;
        }

        if (_tape.Root.ValueKind != JsonValueKind.Object)
        {
            output.Add(new Unparsed(Decode(line), "not a JSON object"));
            return;
        }

        Dispatch(_tape.Root, line, output, handler);
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

    private void Dispatch(TapeElement root, ReadOnlySpan<byte> line, ICollection<AgentEvent> output, IJsonLineHandler handler)
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

    /// <summary>
    /// Why a line is not JSON, in System.Text.Json's words (the byte it stopped at): the tape only says no, and a
    /// malformed line is rare enough to be read twice.
    /// </summary>
    private static string MalformedReason(ReadOnlySpan<byte> line)
    {
        try
        {
            using var document = JsonDocument.Parse(line.ToArray(), DocumentOptions);
        }
        catch (JsonException ex)
        {
            return ex.InnerException is InvalidOperationException || ex.BytePositionInLine is null
                ? "malformed JSON"
                : $"malformed JSON at byte {ex.BytePositionInLine}";
        }

        // The tape and System.Text.Json agree on every text the tests hold; should they ever not, say so plainly.
        return "malformed JSON (rejected by AgentDeck's JSON reader)";
    }
}
