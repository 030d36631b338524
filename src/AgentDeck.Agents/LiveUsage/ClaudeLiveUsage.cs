using System.Text.Json;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.LiveUsage;

/// <summary>
/// Claude's running token count inside a turn: each API call's usage from <c>stream_event</c> message_start /
/// message_delta (partial messages) or from the <c>assistant</c> lines' snapshot (one per content block, same message
/// id), merged per message id; the <c>result</c> line reports the turn, so it clears the count.
/// </summary>
public sealed class ClaudeLiveUsage : ILiveUsageMeter
{
    private readonly Dictionary<string, TokenUsage> _calls = new(StringComparer.Ordinal);
    private string? _currentMessage;

    public TokenUsage InFlight { get; private set; }

    public string? Model { get; private set; }

    public long Version { get; private set; }

    public void Observe(ReadOnlySpan<byte> stdoutLine)
    {
        // Every line this meter learns from carries a usage object; the rest (most of the stream) costs one scan.
        if (stdoutLine.IndexOf("\"usage\""u8) < 0)
        {
            return;
        }

        ClaudeUsageLine line;
        try
        {
            line = ClaudeUsageLine.Read(stdoutLine);
        }
        catch (JsonException)
        {
            return;
        }

        Apply(line);
    }

    private void Apply(in ClaudeUsageLine line)
    {
        switch (line.Kind)
        {
            case ClaudeUsageLineKind.Result:
                _calls.Clear();
                _currentMessage = null;
                Changed(TokenUsage.Zero, Model);
                break;
            case ClaudeUsageLineKind.MessageStart:
                _currentMessage = line.MessageId ?? _currentMessage;
                Merge(line.MessageId, line.Usage, line.Model);
                break;
            case ClaudeUsageLineKind.MessageDelta:
                Merge(_currentMessage, line.Usage, line.Model);
                break;
            case ClaudeUsageLineKind.Assistant:
                Merge(line.MessageId, line.Usage, line.Model);
                break;
        }
    }

    private void Merge(string? messageId, TokenUsage? usage, string? model)
    {
        if (usage is not { } seen)
        {
            return;
        }

        // The same call shows up several times (message_start, message_delta, one assistant line per block), each
        // with a snapshot that only grows: keep the largest figure of each bucket.
        var key = messageId ?? string.Empty;
        _calls[key] = _calls.TryGetValue(key, out var known) ? Larger(known, seen) : seen;
        var sum = TokenUsage.Zero;
        foreach (var call in _calls.Values)
        {
            sum += call;
        }

        Changed(sum, model ?? Model);
    }

    private void Changed(TokenUsage inFlight, string? model)
    {
        if (inFlight != InFlight || model != Model)
        {
            InFlight = inFlight;
            Model = model;
            Version++;
        }
    }

    private static TokenUsage Larger(TokenUsage a, TokenUsage b) => new(
        Math.Max(a.Input, b.Input), Math.Max(a.CachedInput, b.CachedInput), Math.Max(a.CacheWrite, b.CacheWrite),
        Math.Max(a.Output, b.Output), Math.Max(a.Reasoning, b.Reasoning));
}
