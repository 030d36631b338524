using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace AgentDeck.Core.Events;

/// <summary>
/// A payload written straight into a reused byte array, as a compact <see cref="Utf8JsonWriter"/> with
/// <see cref="EventJson.Options"/>' encoder would write it. Text that needs no escaping (nearly all) is transcoded
/// in one call; text that does, or that is not valid UTF-16, is escaped by such a writer itself, so the bytes never differ.
/// </summary>
internal struct CompactPayloadSink
{
    private static readonly JavaScriptEncoder Encoder = EventJson.Options.Encoder ?? JavaScriptEncoder.Default;

    private byte[] _buffer;
    private int _length;
    private bool _first;
    private ArrayBufferWriter<byte>? _escaped;
    private Utf8JsonWriter? _escaper;

    public CompactPayloadSink()
    {
        _buffer = new byte[1024];
    }

    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    public void Reset() => _length = 0;

    /// <summary>Replaces what was written with <paramref name="json"/> (a payload the serializer wrote).</summary>
    public void Set(ReadOnlySpan<byte> json)
    {
        _length = 0;
        Append(json);
    }

    /// <summary>Opens the payload object and writes its <c>kind</c>.</summary>
    public void Start(PayloadBytes opening)
    {
        Ensure(opening.Length + PayloadBytes.VectorBytes);
        Piece(opening);
        _first = false;
    }

    /// <summary>A string member; nothing when <paramref name="value"/> is null.</summary>
    public void String(PayloadBytes name, string? value)
    {
        if (value is null)
        {
            return;
        }

        Name(name);
        StringValue(value);
    }

    public void Encoded(PayloadBytes name, JsonEncodedText value)
    {
        Name(name);
        Ensure(value.EncodedUtf8Bytes.Length + 2);
        _buffer[_length++] = (byte)'"';
        Append(value.EncodedUtf8Bytes);
        _buffer[_length++] = (byte)'"';
    }

    public void Boolean(PayloadBytes name, bool value)
    {
        Name(name);
        Append(value ? "true"u8 : "false"u8);
    }

    public void Number(PayloadBytes name, long value)
    {
        Name(name);
        Ensure(24);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    public void Number(PayloadBytes name, decimal value)
    {
        Name(name);
        Ensure(40);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
    }

    /// <summary>An array of strings (null items as null); nothing when <paramref name="values"/> is null.</summary>
    public void Strings(PayloadBytes name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        Name(name);
        if (values.Count >= RepeatedListJson.MinimumCount)
        {
            Append(RepeatedListJson.For(values, Encoder).Json);
            return;
        }

        Ensure(2);
        _buffer[_length++] = (byte)'[';
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                Ensure(1);
                _buffer[_length++] = (byte)',';
            }

            if (values[i] is { } value)
            {
                StringValue(value);
            }
            else
            {
                Append("null"u8);
            }
        }

        Ensure(1);
        _buffer[_length++] = (byte)']';
    }

    public void StartNested(PayloadBytes name)
    {
        Name(name);
        Ensure(1);
        _buffer[_length++] = (byte)'{';
        _first = true;
    }

    public void EndNested()
    {
        Ensure(1);
        _buffer[_length++] = (byte)'}';
        _first = false;
    }

    public void End()
    {
        Ensure(1);
        _buffer[_length++] = (byte)'}';
    }

    private void Name(PayloadBytes name)
    {
        Ensure(1 + name.Length + PayloadBytes.VectorBytes);
        _buffer[_length] = (byte)',';
        _length += _first ? 0 : 1;
        _first = false;
        Piece(name);
    }

    /// <summary>Copies a fixed piece; the caller made room for it and a vector more.</summary>
    private void Piece(PayloadBytes piece)
    {
        ref var target = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_buffer), _length);
        if (piece.Length <= PayloadBytes.VectorBytes)
        {
            Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(piece.Padded)).StoreUnsafe(ref target);
        }
        else
        {
            piece.Bytes.CopyTo(MemoryMarshal.CreateSpan(ref target, piece.Length));
        }

        _length += piece.Length;
    }

    private void StringValue(string value)
    {
        Ensure((value.Length * 3) + 2);
        var start = _length;
        _buffer[start] = (byte)'"';

        // The encoder judges UTF-16 in the writer; on valid text its UTF-8 verdict is the same (a supplementary
        // character needs escaping either way), and a lone surrogate fails the strict transcoding.
        if (Utf8.FromUtf16(value, _buffer.AsSpan(start + 1), out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done &&
            Encoder.FindFirstCharacterToEncodeUtf8(_buffer.AsSpan(start + 1, written)) < 0)
        {
            _length = start + 1 + written;
            _buffer[_length++] = (byte)'"';
            return;
        }

        EscapedValue(value);
    }

    private void EscapedValue(string value)
    {
        if (_escaper is null)
        {
            _escaped = new ArrayBufferWriter<byte>(256);
            _escaper = new Utf8JsonWriter(_escaped, new JsonWriterOptions { Encoder = Encoder, SkipValidation = true });
        }

        _escaped!.ResetWrittenCount();
        _escaper.Reset(_escaped);
        _escaper.WriteStringValue(value);
        _escaper.Flush();
        Append(_escaped.WrittenSpan);
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}
