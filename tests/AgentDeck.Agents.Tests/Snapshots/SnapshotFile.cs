using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests.Snapshots;

/// <summary>
/// The snapshot's text: per input one header line (file, line, mutation, input length, the first 16 hex digits of the
/// input's SHA-256, whether System.Text.Json accepts it), then one <see cref="EventJson"/> line per event. Inputs are
/// not stored (some are not UTF-8): they are regenerated from the seed, and the hash shows when the generator changed.
/// </summary>
internal static class SnapshotFile
{
    public const string HeaderStart = "{\"file\":";

    public static string Render(IEnumerable<SnapshotRecord> records)
    {
        var text = new StringBuilder();
        foreach (var record in records)
        {
            text.Append(Header(record)).Append('\n');
            foreach (var e in record.Events)
            {
                text.Append(EventJson.Serialize(e)).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>The file's lines as UTF-8 would store them (a lone surrogate in an event reads back as U+FFFD).</summary>
    public static string[] Lines(byte[] utf8)
    {
        var text = Encoding.UTF8.GetString(utf8);
        var lines = text.Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    public static byte[] Encode(string text) => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);

    private static string Header(SnapshotRecord record)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(record.Input))[..16];
        var line = record.Line is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : "null";
        var stj = record.Line is null ? "n/a" : StjAcceptance.Accepts(record.Input) ? "accepted" : "rejected";
        return $"{HeaderStart}{JsonSerializer.Serialize(record.File)},\"line\":{line},\"mutation\":{JsonSerializer.Serialize(record.Mutation)}," +
            $"\"bytes\":{record.Input.Length},\"sha256\":\"{hash}\",\"stj\":\"{stj}\"}}";
    }
}
