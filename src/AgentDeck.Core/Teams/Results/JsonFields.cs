using System.Globalization;
using System.Text.Json;

namespace AgentDeck.Core.Teams.Results;

/// <summary>
/// Typed reads of a result block's JSON that never throw: a missing or mistyped field adds a problem at its path and
/// gives null, so one bad field cannot hide the rest of the block.
/// </summary>
internal sealed class JsonFields(List<ResultProblem> problems)
{
    public List<ResultProblem> Problems => problems;

    public void Error(string path, string problem) => problems.Add(new ResultProblem(path, problem));

    public void Warn(string path, string problem) => problems.Add(new ResultProblem(path, problem, IsWarning: true));

    public string? String(JsonElement parent, string name, string path, bool required)
    {
        if (!Field(parent, name, path, required, "a string", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        Error(Join(path, name), $"is {Describe(value)}; expected a string");
        return null;
    }

    public bool? Bool(JsonElement parent, string name, string path)
    {
        if (!Field(parent, name, path, required: true, "true or false", out var value))
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Error(Join(path, name), $"is {Describe(value)}; expected true or false");
        return null;
    }

    public double? Number(JsonElement parent, string name, string path)
    {
        if (!Field(parent, name, path, required: true, "a number", out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        Error(Join(path, name), $"is {Describe(value)}; expected a number");
        return null;
    }

    /// <summary>The array's items, or none (with a problem when it was required or is not an array).</summary>
    public IReadOnlyList<JsonElement> Array(JsonElement parent, string name, string path, bool required)
    {
        if (!Field(parent, name, path, required, "an array", out var value))
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray().ToList();
        }

        Error(Join(path, name), $"is {Describe(value)}; expected an array");
        return [];
    }

    public bool IsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(path, $"is {Describe(element)}; expected an object");
        return false;
    }

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Shorten(value.GetString() ?? "")}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"{value.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "missing",
    };

    /// <summary>At most 40 characters on one line: a problem is one line, whatever the agent wrote.</summary>
    public static string Shorten(string text)
    {
        var line = OneLine(text);
        return line.Length <= 40 ? line : line[..40] + "…";
    }

    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private bool Field(JsonElement parent, string name, string path, bool required, string expected, out JsonElement value)
    {
        if (parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        if (required)
        {
            Error(Join(path, name), $"is missing; expected {expected}");
        }

        return false;
    }
}
