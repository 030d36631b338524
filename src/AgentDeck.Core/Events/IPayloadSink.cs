using System.Text.Json;

namespace AgentDeck.Core.Events;

/// <summary>
/// Where <see cref="EventPayloadWriter"/> writes a payload: one object with the <c>kind</c> first, members that are
/// left out when null, and at most one level of nested object. Implemented by structs, so each sink gets its own
/// compiled copy of the writer with direct calls.
/// </summary>
internal interface IPayloadSink
{
    /// <summary>Opens the payload object and writes its <c>kind</c>.</summary>
    void Start(JsonEncodedText kind);

    /// <summary>A string member; nothing when <paramref name="value"/> is null.</summary>
    void String(JsonEncodedText name, string? value);

    /// <summary>A string member whose text is already encoded.</summary>
    void Encoded(JsonEncodedText name, JsonEncodedText value);

    void Boolean(JsonEncodedText name, bool value);

    void Number(JsonEncodedText name, long value);

    void Number(JsonEncodedText name, decimal value);

    /// <summary>An array of strings (null items as null); nothing when <paramref name="values"/> is null.</summary>
    void Strings(JsonEncodedText name, IReadOnlyList<string>? values);

    void StartNested(JsonEncodedText name);

    void EndNested();

    /// <summary>Closes the payload object.</summary>
    void End();
}
