using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AgentDeck.Cli.Common;

/// <summary>Writes JSON to a verb's output with the encoder every verb uses (readable, no needless escapes).</summary>
public static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };
    private static readonly JsonWriterOptions Pretty = Options with { Indented = true };

    public static void Write(TextWriter output, Action<Utf8JsonWriter> write, bool indented = false)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, indented ? Pretty : Options))
        {
            write(json);
        }

        output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        output.Write('\n');
    }
}
