using System.Text.Json;

namespace AgentDeck.Agents.Tests.Snapshots;

/// <summary>
/// Where one property sits in a line's bytes: its name's opening quote and its value's span (for a string, the quotes
/// included). <see cref="Path"/> joins the names from the root ("message.usage.input_tokens"; array items add "[]").
/// </summary>
internal sealed record JsonField(string Path, string Name, int Depth, int NameStart, int ValueStart, int ValueEnd, JsonTokenType Kind)
{
    public bool IsString => Kind == JsonTokenType.String;

    public bool IsNumber => Kind == JsonTokenType.Number;

    public string KindName => Kind switch
    {
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.StartObject => "object",
        JsonTokenType.StartArray => "array",
        JsonTokenType.Null => "null",
        JsonTokenType.True => "true",
        _ => "false",
    };
}
