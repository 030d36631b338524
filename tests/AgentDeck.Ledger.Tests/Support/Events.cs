using System.Text;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;

namespace AgentDeck.Ledger.Tests.Support;

internal static class Events
{
    public static readonly DateTimeOffset Time = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static EventToAppend Note(string message, long lineNo = 1, bool withRaw = true) =>
        new(new Notice("info", message), RunStream.Stdout, lineNo, Time, withRaw ? Encoding.UTF8.GetBytes(message) : (ReadOnlyMemory<byte>?)null);

    public static EventToAppend[] Notes(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => Note($"{prefix}{i}", i)).ToArray();

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
