using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgentDeck.Agents.Drivers.Shared;

/// <summary>Writes one compact JSON object as one stdin line: quotes, newlines and control characters come out escaped.</summary>
internal static class JsonLine
{
    // Relaxed escaping keeps non-ASCII text readable in the raw stdin log; it still escapes everything JSON requires.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Object(Action<Utf8JsonWriter> writeMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Text typed by a person may hold a lone surrogate (a broken paste); the JSON writer refuses those, so they become
    /// U+FFFD instead of an exception.
    /// </summary>
    public static string Clean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]) && !char.IsSurrogatePair(text, i))
            {
                return Repair(text);
            }

            if (char.IsHighSurrogate(text[i]))
            {
                i++;
            }
        }

        return text;
    }

    private static string Repair(string text)
    {
        var repaired = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsSurrogatePair(text, i))
            {
                repaired.Append(text, i, 2);
                i++;
            }
            else
            {
                repaired.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }
        }

        return repaired.ToString();
    }
}
