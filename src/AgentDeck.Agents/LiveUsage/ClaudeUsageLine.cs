using System.Text.Json;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.LiveUsage;

/// <summary>
/// The usage facts of one Claude stream line, read with a forward-only reader that skips content blocks (an
/// <c>assistant</c> line can hold kilobytes of text that this reading does not need).
/// </summary>
internal readonly record struct ClaudeUsageLine(ClaudeUsageLineKind Kind, string? MessageId, string? Model, TokenUsage? Usage)
{
    public static ClaudeUsageLine Read(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return default;
        }

        var type = LineType.Other;
        Message message = default;
        Message streamEvent = default;
        var eventType = ClaudeUsageLineKind.Other;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                type = reader.ValueTextEquals("assistant"u8) ? LineType.Assistant
                    : reader.ValueTextEquals("result"u8) ? LineType.Result
                    : reader.ValueTextEquals("stream_event"u8) ? LineType.StreamEvent
                    : LineType.Other;
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = ReadMessage(ref reader);
            }
            else if (reader.ValueTextEquals("event"u8))
            {
                reader.Read();
                (eventType, streamEvent) = ReadEvent(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return type switch
        {
            LineType.Assistant => new(ClaudeUsageLineKind.Assistant, message.Id, message.Model, message.Usage),
            LineType.Result => new(ClaudeUsageLineKind.Result, null, null, null),
            LineType.StreamEvent => new(eventType, streamEvent.Id, streamEvent.Model, streamEvent.Usage),
            _ => default,
        };
    }

    private static (ClaudeUsageLineKind Kind, Message Facts) ReadEvent(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return default;
        }

        var kind = ClaudeUsageLineKind.Other;
        Message message = default;
        TokenUsage? usage = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                kind = reader.ValueTextEquals("message_start"u8) ? ClaudeUsageLineKind.MessageStart
                    : reader.ValueTextEquals("message_delta"u8) ? ClaudeUsageLineKind.MessageDelta
                    : ClaudeUsageLineKind.Other;
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = ReadMessage(ref reader);
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                usage = ReadUsage(ref reader);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return (kind, message with { Usage = message.Usage ?? usage });
    }

    private static Message ReadMessage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return default;
        }

        Message message = default;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                message = message with { Id = reader.TokenType == JsonTokenType.String ? reader.GetString() : null };
            }
            else if (reader.ValueTextEquals("model"u8))
            {
                reader.Read();
                message = message with { Model = reader.TokenType == JsonTokenType.String ? reader.GetString() : null };
            }
            else if (reader.ValueTextEquals("usage"u8))
            {
                reader.Read();
                message = message with { Usage = ReadUsage(ref reader) };
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return message;
    }

    private static TokenUsage? ReadUsage(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        long input = 0, cacheRead = 0, cacheWrite = 0, output = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            ref var bucket = ref input;
            var known = true;
            if (reader.ValueTextEquals("input_tokens"u8))
            {
                bucket = ref input;
            }
            else if (reader.ValueTextEquals("cache_read_input_tokens"u8))
            {
                bucket = ref cacheRead;
            }
            else if (reader.ValueTextEquals("cache_creation_input_tokens"u8))
            {
                bucket = ref cacheWrite;
            }
            else if (reader.ValueTextEquals("output_tokens"u8))
            {
                bucket = ref output;
            }
            else
            {
                known = false;
            }

            reader.Read();
            if (known && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) && value > 0)
            {
                bucket = value;
            }
            else
            {
                reader.Skip();
            }
        }

        return new TokenUsage(input, cacheRead, cacheWrite, output, 0);
    }

    private enum LineType
    {
        Other,
        Assistant,
        Result,
        StreamEvent,
    }

    private readonly record struct Message(string? Id, string? Model, TokenUsage? Usage);
}
