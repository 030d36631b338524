using System.Globalization;
using System.Text.Json.Nodes;

namespace AgentDeck.Toml.Tests.Conformance;

/// <summary>
/// Compares tagged JSON the way toml-test does: tables and arrays structurally, floats and integers by value,
/// date-times by value rather than spelling. Returns the first difference, or null when equal.
/// </summary>
public static class TaggedJsonComparer
{
    public static string? FindDifference(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        if (expected is JsonObject expectedObject && IsTag(expectedObject))
        {
            return actual is JsonObject actualTag && IsTag(actualTag)
                ? CompareScalars(expectedObject, actualTag, path)
                : $"{path}: expected a {expectedObject["type"]} value, got {Describe(actual)}";
        }

        return (expected, actual) switch
        {
            (JsonObject e, JsonObject a) => CompareTables(e, a, path),
            (JsonArray e, JsonArray a) => CompareArrays(e, a, path),
            _ => $"{path}: expected {Describe(expected)}, got {Describe(actual)}",
        };
    }

    private static string? CompareTables(JsonObject expected, JsonObject actual, string path)
    {
        if (IsTag(actual))
        {
            return $"{path}: expected a table, got a {actual["type"]} value";
        }

        var missing = expected.Select(entry => entry.Key).Except(actual.Select(entry => entry.Key)).ToList();
        var extra = actual.Select(entry => entry.Key).Except(expected.Select(entry => entry.Key)).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            return $"{path}: missing keys [{string.Join(", ", missing)}], unexpected keys [{string.Join(", ", extra)}]";
        }

        return expected.Select(entry => FindDifference(entry.Value, actual[entry.Key], $"{path}.{entry.Key}"))
            .FirstOrDefault(difference => difference is not null);
    }

    private static string? CompareArrays(JsonArray expected, JsonArray actual, string path)
    {
        if (expected.Count != actual.Count)
        {
            return $"{path}: expected {expected.Count} items, got {actual.Count}";
        }

        return expected.Select((item, index) => FindDifference(item, actual[index], $"{path}[{index}]"))
            .FirstOrDefault(difference => difference is not null);
    }

    private static string? CompareScalars(JsonObject expected, JsonObject actual, string path)
    {
        var type = (string)expected["type"]!;
        var expectedValue = (string)expected["value"]!;
        var actualValue = (string)actual["value"]!;
        if (type != (string)actual["type"]!)
        {
            return $"{path}: expected type {type}, got {actual["type"]} ({actualValue})";
        }

        var equal = type switch
        {
            "float" => ParseFloat(expectedValue).Equals(ParseFloat(actualValue)),
            "integer" => long.Parse(expectedValue, CultureInfo.InvariantCulture) == long.Parse(actualValue, CultureInfo.InvariantCulture),
            "datetime" => SameOffsetDateTime(expectedValue, actualValue),
            "datetime-local" => ParseLocal(expectedValue) == ParseLocal(actualValue),
            "date-local" => DateOnly.ParseExact(expectedValue, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                == DateOnly.ParseExact(actualValue, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            "time-local" => TimeOnly.Parse(expectedValue, CultureInfo.InvariantCulture) == TimeOnly.Parse(actualValue, CultureInfo.InvariantCulture),
            _ => expectedValue == actualValue,
        };
        return equal ? null : $"{path}: expected {type} {expectedValue}, got {actualValue}";
    }

    private static bool SameOffsetDateTime(string expected, string actual)
    {
        var e = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        var a = DateTimeOffset.Parse(actual, CultureInfo.InvariantCulture);
        return e == a && e.Offset == a.Offset;
    }

    private static DateTime ParseLocal(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static double ParseFloat(string text) => text switch
    {
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" or "+nan" or "-nan" => double.NaN,
        _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static bool IsTag(JsonObject node) =>
        node.Count == 2 && node["type"] is JsonValue && node["value"] is JsonValue;

    private static string Describe(JsonNode? node) => node switch
    {
        null => "nothing",
        JsonObject o when IsTag(o) => $"a {o["type"]} value",
        JsonObject => "a table",
        JsonArray => "an array",
        _ => node.ToJsonString(),
    };
}
