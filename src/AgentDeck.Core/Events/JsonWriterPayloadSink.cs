using System.Text.Json;

namespace AgentDeck.Core.Events;

/// <summary>A payload written through a caller's <see cref="Utf8JsonWriter"/>, with its escaping and indentation.</summary>
internal readonly struct JsonWriterPayloadSink(Utf8JsonWriter writer) : IPayloadSink
{
    public void Start(JsonEncodedText kind)
    {
        writer.WriteStartObject();
        writer.WriteString(PayloadNames.Kind, kind);
    }

    public void String(JsonEncodedText name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public void Encoded(JsonEncodedText name, JsonEncodedText value) => writer.WriteString(name, value);

    public void Boolean(JsonEncodedText name, bool value) => writer.WriteBoolean(name, value);

    public void Number(JsonEncodedText name, long value) => writer.WriteNumber(name, value);

    public void Number(JsonEncodedText name, decimal value) => writer.WriteNumber(name, value);

    public void Strings(JsonEncodedText name, IReadOnlyList<string>? values)
    {
        if (values is null)
        {
            return;
        }

        if (values.Count >= RepeatedListJson.MinimumCount && !writer.Options.Indented)
        {
            // An indented writer would indent the array; a raw value keeps the bytes it is given.
            writer.WritePropertyName(name);
            writer.WriteRawValue(RepeatedListJson.For(values, writer.Options.Encoder).Json, skipInputValidation: true);
            return;
        }

        writer.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                writer.WriteStringValue(value);
            }
            else
            {
                writer.WriteNullValue();
            }
        }

        writer.WriteEndArray();
    }

    public void StartNested(JsonEncodedText name) => writer.WriteStartObject(name);

    public void EndNested() => writer.WriteEndObject();

    public void End() => writer.WriteEndObject();
}
