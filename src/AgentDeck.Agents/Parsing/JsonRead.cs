using System.Text.Json;

namespace AgentDeck.Agents.Parsing;

/// <summary>
/// Type-tolerant field access: a field that is missing or of the wrong type reads as null, never as an exception,
/// because agent CLIs change their output between versions and a wrong type must not lose the rest of the line.
/// </summary>
internal static class JsonRead
{
    public static TapeElement? Prop(this TapeElement e, ReadOnlySpan<byte> name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var value) ? value : null;

    public static string? Str(this TapeElement e, ReadOnlySpan<byte> name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>A string field, or a number field as text (ids are sometimes numbers, e.g. JSON-RPC ids).</summary>
    public static string? Id(this TapeElement e, ReadOnlySpan<byte> name) => e.Prop(name) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    public static long? Long(this TapeElement e, ReadOnlySpan<byte> name)
    {
        if (e.Prop(name) is not { ValueKind: JsonValueKind.Number } value)
        {
            return null;
        }

        if (value.TryGetInt64(out var whole))
        {
            return whole;
        }

        return value.TryGetDouble(out var real) && real is >= long.MinValue and <= long.MaxValue ? (long)real : null;
    }

    public static int? Int(this TapeElement e, ReadOnlySpan<byte> name) =>
        e.Long(name) is { } value && value is >= int.MinValue and <= int.MaxValue ? (int)value : null;

    public static decimal? Dec(this TapeElement e, ReadOnlySpan<byte> name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Number } value && value.TryGetDecimal(out var number) ? number : null;

    public static bool? Bool(this TapeElement e, ReadOnlySpan<byte> name) => e.Prop(name)?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static bool IsTrue(this TapeElement e, ReadOnlySpan<byte> name) => e.Bool(name) == true;

    public static TapeElement? Obj(this TapeElement e, ReadOnlySpan<byte> name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Object } value ? value : null;

    public static TapeElement? Arr(this TapeElement e, ReadOnlySpan<byte> name) =>
        e.Prop(name) is { ValueKind: JsonValueKind.Array } value ? value : null;

    /// <summary>The first occurrence of a property (JsonDocument answers the last one when a key is duplicated).</summary>
    public static string? FirstStr(this TapeElement e, ReadOnlySpan<byte> name)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in e.EnumerateObject())
        {
            if (property.NameEquals(name))
            {
                return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            }
        }

        return null;
    }

    public static IReadOnlyList<string> Strings(this TapeElement e, ReadOnlySpan<byte> name)
    {
        if (e.Arr(name) is not { } array)
        {
            return [];
        }

        var list = new List<string>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String && item.GetString() is { } text)
            {
                list.Add(text);
            }
        }

        return list;
    }
}
