namespace AgentDeck.Core.Events;

/// <summary>
/// Writes events' payload JSON into one reused buffer, byte for byte what <see cref="EventJson.Serialize(AgentEvent)"/>
/// writes, without a <see cref="System.Text.Json.Utf8JsonWriter"/> in between: the ledger writes every ingested
/// event through here. Not thread-safe; the bytes are valid until the next <see cref="Write"/>.
/// </summary>
public sealed class EventPayloadBuffer
{
    private CompactPayloadSink _sink = new();

    public ReadOnlySpan<byte> Write(AgentEvent value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _sink.Reset();
        if (!EventPayloadWriter.TryWrite(ref _sink, value))
        {
            _sink.Set(EventJson.SerializeToUtf8(value));
        }

        return _sink.Written;
    }
}
