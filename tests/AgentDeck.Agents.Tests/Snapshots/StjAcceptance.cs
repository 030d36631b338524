using System.Text.Json;

namespace AgentDeck.Agents.Tests.Snapshots;

/// <summary>
/// Whether System.Text.Json's <see cref="JsonDocument"/> (depth limit 64, no comments, no trailing commas) accepts a
/// line once a leading UTF-8 BOM is stripped, as the stream parsers do: the reference any JSON layer must agree with.
/// </summary>
internal static class StjAcceptance
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public static bool Accepts(byte[] line)
    {
        var bytes = line.AsMemory();
        if (bytes.Span.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, Options);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
