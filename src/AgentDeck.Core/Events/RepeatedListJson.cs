using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgentDeck.Core.Events;

/// <summary>
/// The JSON of the last long string list written on this thread: Claude repeats its whole tool list in every
/// <c>system/init</c> line and the parser hands over the same strings each time, so the list is escaped and
/// encoded once. The strings are compared by reference, so a changed list is never mistaken for the one before.
/// </summary>
internal sealed class RepeatedListJson
{
    /// <summary>Shorter lists cost less to write than to check.</summary>
    public const int MinimumCount = 8;

    [ThreadStatic]
    private static RepeatedListJson? _last;

    private readonly string?[] _items;
    private readonly JavaScriptEncoder? _encoder;

    private RepeatedListJson(string?[] items, JavaScriptEncoder? encoder, byte[] json)
    {
        _items = items;
        _encoder = encoder;
        Json = json;
    }

    public byte[] Json { get; }

    /// <summary>The list as one compact JSON array escaped by <paramref name="encoder"/>, from the cache when the same strings come again.</summary>
    public static RepeatedListJson For(IReadOnlyList<string?> values, JavaScriptEncoder? encoder)
    {
        var last = _last;
        if (last is not null && last._encoder == encoder && last.Holds(values))
        {
            return last;
        }

        var items = new string?[values.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = values[i];
        }

        last = new RepeatedListJson(items, encoder, Write(items, encoder));
        _last = last;
        return last;
    }

    private bool Holds(IReadOnlyList<string?> values)
    {
        if (values.Count != _items.Length)
        {
            return false;
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (!ReferenceEquals(values[i], _items[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static byte[] Write(string?[] items, JavaScriptEncoder? encoder)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder, SkipValidation = true }))
        {
            writer.WriteStartArray();
            foreach (var item in items)
            {
                if (item is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(item);
                }
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
