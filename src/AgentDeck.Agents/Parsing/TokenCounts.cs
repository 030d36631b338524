using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// Checks the token counts of a usage object before they reach a run's tally: a count must be a whole number from 0 to
/// 2^53 − 1. Beyond that a JavaScript CLI (Claude Code, Gemini, OpenCode) cannot have counted exactly, and below it
/// any number of turns still sum without overflowing a long. A bad count is reported, never recorded.
/// </summary>
internal static class TokenCounts
{
    private const double Largest = (1L << 53) - 1;
    private static readonly ConcurrentDictionary<string, byte[][]> Names = new(StringComparer.Ordinal);

    /// <summary>
    /// "<paramref name="path"/>.field = value" for the first listed field (a dotted name reaches into a nested object)
    /// that is present and not a count; null when every present field is one.
    /// </summary>
    public static string? Problem(TapeElement usage, string path, params ReadOnlySpan<string> fields) =>
        Bad(usage, fields) is { } bad ? $"{path}.{bad}" : null;

    /// <summary>"field = value" for the first listed field that is present and not a count; null when all are.</summary>
    public static string? Bad(TapeElement usage, params ReadOnlySpan<string> fields)
    {
        foreach (var field in fields)
        {
            if (Find(usage, field) is { ValueKind: JsonValueKind.Number } value && !IsCount(value))
            {
                return $"{field} = {value.GetRawText()}";
            }
        }

        return null;
    }

    /// <summary>The notice that stands in for the usage a bad count spoiled.</summary>
    public static Notice Notice(string problem, string source) =>
        new("warning", $"token count {problem} is not a whole number from 0 to 2^53-1: this usage is left out of the run's tokens", source);

    private static TapeElement? Find(TapeElement usage, string dotted)
    {
        TapeElement? current = usage;
        // Usage lines come once per turn, but a Claude stream has many: the names are encoded once.
        foreach (var name in Names.GetOrAdd(dotted, static d => [.. d.Split('.').Select(Encoding.UTF8.GetBytes)]))
        {
            if (current is not { ValueKind: JsonValueKind.Object } parent)
            {
                return null;
            }

            current = parent.Prop(name);
        }

        return current;
    }

    private static bool IsCount(TapeElement value) =>
        value.TryGetInt64(out var whole)
            ? whole is >= 0 and <= (long)Largest
            : value.TryGetDouble(out var real) && real is >= 0 and <= Largest && Math.Floor(real) == real;
}
