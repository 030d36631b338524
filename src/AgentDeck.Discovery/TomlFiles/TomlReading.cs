using System.Globalization;
using AgentDeck.Toml;

namespace AgentDeck.Discovery.TomlFiles;

/// <summary>
/// Typed reads from TOML tables that never throw: a value of the wrong type is reported with its line and column
/// and treated as absent, so one bad key costs only that key.
/// </summary>
internal sealed class TomlReading(string source, ICollection<DiscoveryWarning> warnings)
{
    public string Source => source;

    public static TomlDocument? Parse(string text, string source, ICollection<DiscoveryWarning> warnings)
    {
        try
        {
            return TomlDocument.Parse(text, source);
        }
        catch (TomlException exception)
        {
            warnings.Add(new DiscoveryWarning(source, exception.Line, exception.Column, exception.Reason));
            return null;
        }
    }

    public static TomlDocument? Load(string path, ICollection<DiscoveryWarning> warnings)
    {
        try
        {
            return TomlDocument.Load(path);
        }
        catch (TomlException exception)
        {
            warnings.Add(new DiscoveryWarning(path, exception.Line, exception.Column, exception.Reason));
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            warnings.Add(DiscoveryWarning.About(path, $"cannot read the file: {exception.Message}"));
            return null;
        }
    }

    public void Warn(TomlValue at, string message) => warnings.Add(new DiscoveryWarning(source, at.Position.Line, at.Position.Column, message));

    public void Warn(string message) => warnings.Add(DiscoveryWarning.About(source, message));

    public string? String(TomlTable table, string key) => Read<TomlString>(table, key, "a string")?.Value;

    public TomlTable? Table(TomlTable table, string key) => Read<TomlTable>(table, key, "a table");

    public int? Integer(TomlTable table, string key)
    {
        var value = Read<TomlInteger>(table, key, "an integer");
        return value is null ? null : (int)Math.Clamp(value.Value, int.MinValue, int.MaxValue);
    }

    /// <summary>An integer or a float, as a decimal (money).</summary>
    public decimal? Decimal(TomlTable table, string key)
    {
        if (!table.TryGetChild(key, out var value))
        {
            return null;
        }

        switch (value)
        {
            case TomlInteger whole:
                return whole.Value;
            case TomlFloat number when double.IsFinite(number.Value):
                return (decimal)number.Value;
            default:
                Warn(value, $"`{key}` must be a number");
                return null;
        }
    }

    public IReadOnlyList<string> Strings(TomlTable table, string key)
    {
        var array = Read<TomlArray>(table, key, "an array of strings");
        if (array is null)
        {
            return [];
        }

        if (array.TryGetStrings(out var strings))
        {
            return strings;
        }

        Warn(array, $"`{key}` must be an array of strings");
        return [];
    }

    /// <summary>A table of string values (numbers and booleans taken as their text); other values are reported.</summary>
    public IReadOnlyDictionary<string, string> StringTable(TomlTable table, string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Table(table, key) is not { } inner)
        {
            return map;
        }

        foreach (var (name, value) in inner)
        {
            switch (value)
            {
                case TomlString or TomlInteger or TomlBoolean or TomlFloat:
                    map[name] = Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
                    break;
                default:
                    Warn(value, $"`{key}.{name}` must be a string");
                    break;
            }
        }

        return map;
    }

    private T? Read<T>(TomlTable table, string key, string expected)
        where T : TomlValue
    {
        if (!table.TryGetChild(key, out var value))
        {
            return null;
        }

        if (value is T typed)
        {
            return typed;
        }

        Warn(value, $"`{key}` must be {expected}, not {value.KindName}");
        return null;
    }
}
