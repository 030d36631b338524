using System.Globalization;

namespace AgentDeck.Discovery.Config.Checking;

/// <summary>
/// Checks what a reader found in one configuration file against the <see cref="ConfigSchema"/>: an unknown key is a
/// warning (naming the closest known key), a value of the wrong type or out of range is an error. Tables the schema
/// does not describe are not looked into.
/// </summary>
public static class ConfigSchemaCheck
{
    public static IReadOnlyList<ConfigProblem> Check(ConfigNode root, ConfigSchema schema, string source)
    {
        var problems = new List<ConfigProblem>();
        CheckTable(root, [], schema, source, problems);
        return problems;
    }

    private static void CheckTable(ConfigNode table, List<string> path, ConfigSchema schema, string source, List<ConfigProblem> problems)
    {
        if (schema.RulesFor(path) is not { } rules)
        {
            return;
        }

        foreach (var (key, value) in table.Entries)
        {
            var name = string.Join('.', path.Append(key));
            var (line, column) = table.KeyPositions.TryGetValue(key, out var at) ? ((int?)at.Line, (int?)at.Column) : (value.Line, value.Column);
            var rule = rules.FirstOrDefault(r => r.Key == key) ?? rules.FirstOrDefault(r => r.Key == "*");
            if (rule is null)
            {
                var known = rules.Select(r => r.Key).Where(k => k != "*").ToList();
                var hint = NameSuggestion.Closest(key, known) is { } closest
                    ? $"did you mean {string.Join('.', path.Append(closest))}?"
                    : $"known keys{Where(path)}: {string.Join(", ", known)}";
                problems.Add(new ConfigProblem(source, line, column, ConfigProblemSeverity.Warning, $"unknown key {name} (ignored); {hint}"));
                continue;
            }

            if (TypeProblem(rule, value, name) is { } wrongType)
            {
                problems.Add(new ConfigProblem(source, value.Line ?? line, value.Column ?? column, ConfigProblemSeverity.Error, wrongType));
                continue;
            }

            if (RangeProblem(rule, value, name) is { } outOfRange)
            {
                problems.Add(new ConfigProblem(source, value.Line ?? line, value.Column ?? column, ConfigProblemSeverity.Error, outOfRange));
                continue;
            }

            if (value.Kind == ConfigValueKind.Table)
            {
                CheckTable(value, [.. path, key], schema, source, problems);
            }
        }
    }

    private static string Where(List<string> path) => path.Count == 0 ? " at the top of the file" : $" in [{string.Join('.', path)}]";

    private static string? TypeProblem(ConfigKeyRule rule, ConfigNode value, string name)
    {
        var fits = rule.Type switch
        {
            ConfigKeyType.String => value.Kind == ConfigValueKind.String,
            ConfigKeyType.Integer => value.Kind == ConfigValueKind.Integer,
            ConfigKeyType.Number => value.Kind is ConfigValueKind.Integer or ConfigValueKind.Float && value.Number is not null,
            ConfigKeyType.Boolean => value.Kind == ConfigValueKind.Boolean,
            ConfigKeyType.Strings => value.Kind == ConfigValueKind.Array && value.Items.All(item => item.Kind == ConfigValueKind.String),
            ConfigKeyType.StringOrStrings => value.Kind == ConfigValueKind.String
                                             || (value.Kind == ConfigValueKind.Array && value.Items.All(item => item.Kind == ConfigValueKind.String)),
            ConfigKeyType.Scalar => value.Kind is ConfigValueKind.String or ConfigValueKind.Integer or ConfigValueKind.Float or ConfigValueKind.Boolean,
            _ => value.Kind == ConfigValueKind.Table,
        };
        return fits ? null : $"{name} must be {Expected(rule.Type)}, not {KindName(value)}; fix the value";
    }

    private static string? RangeProblem(ConfigKeyRule rule, ConfigNode value, string name)
    {
        if (value.Number is not { } number)
        {
            return null;
        }

        var shown = number.ToString(CultureInfo.InvariantCulture);
        if (rule.Minimum is { } min && number < min)
        {
            return min == 0
                ? $"{name} cannot be negative ({shown}); give 0 or more, or remove the key for no limit"
                : $"{name} must be at least {min.ToString(CultureInfo.InvariantCulture)}, not {shown}; fix the value";
        }

        return rule.Maximum is { } max && number > max
            ? $"{name} must be at most {max.ToString(CultureInfo.InvariantCulture)}, not {shown}; fix the value"
            : null;
    }

    private static string Expected(ConfigKeyType type) => type switch
    {
        ConfigKeyType.String => "a string in quotes",
        ConfigKeyType.Integer => "a whole number such as 4",
        ConfigKeyType.Number => "a number such as 2.5",
        ConfigKeyType.Boolean => "true or false",
        ConfigKeyType.Strings => "an array of strings such as [\"a\", \"b\"]",
        ConfigKeyType.StringOrStrings => "a string or an array of strings",
        ConfigKeyType.Scalar => "a string, number or boolean",
        _ => "a table",
    };

    private static string KindName(ConfigNode value) => value.Kind switch
    {
        ConfigValueKind.String => "a string",
        ConfigValueKind.Integer => "an integer",
        ConfigValueKind.Float => value.Number is null ? "a float that is not finite" : "a float",
        ConfigValueKind.Boolean => "a boolean",
        ConfigValueKind.DateTime => "a date-time",
        ConfigValueKind.Array => value.Items.Count > 0 && value.Items.Any(item => item.Kind != ConfigValueKind.String) ? "an array with non-string items" : "an array",
        _ => "a table",
    };
}
