using System.Globalization;
using System.Text.RegularExpressions;
using AgentDeck.Core.Secrets;
using Tomlyn;
using Tomlyn.Model;

namespace AgentDeck.Secrets;

/// <summary>
/// Reads a rule file in the gitleaks format: <c>[[rules]]</c> with id, description, regex, secretGroup, entropy,
/// keywords and allowlists (<c>[rules.allowlist]</c> or <c>[[rules.allowlists]]</c>: regexes, stopwords,
/// regexTarget), and global <c>[allowlist]</c> / <c>[[allowlists]]</c>. A rule that only matches file paths does not
/// apply to output and is left out with a warning. Any other problem is a <see cref="SecretRuleFileException"/> naming
/// the file, the line of the rule and what is wrong.
/// </summary>
public static class GitleaksRuleReader
{
    public static SecretRuleFile Read(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        TomlTable document;
        try
        {
            document = TomlSerializer.Deserialize<TomlTable>(text, (TomlSerializerOptions?)null) ?? new TomlTable();
        }
        catch (TomlException error)
        {
            throw new SecretRuleFileException($"{source}:{error.Line ?? 0}: not valid TOML: {FirstLine(error.Message)}", error);
        }

        var ruleLines = HeaderLines(text, "[[rules]]");
        var rules = new List<SecretRule>();
        var warnings = new List<string>();
        var index = 0;
        foreach (var table in TablesOf(document, "rules", $"{source}:1"))
        {
            var where = $"{source}:{(index < ruleLines.Count ? ruleLines[index] : 0)}";
            index++;
            var rule = ReadRule(table, where);
            if (rule is null)
            {
                warnings.Add($"{where}: rule {Optional(table, "id", where) ?? "(no id)"} matches file paths only; it does not apply to output and is left out");
                continue;
            }

            rules.Add(rule);
        }

        var duplicate = rules.GroupBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new SecretRuleFileException($"{duplicate.Last().Source}: rule id '{duplicate.Key}' is used twice; give each rule its own id");
        }

        var global = Allowlists(document, "allowlist", "allowlists", $"{source}:1");
        return new SecretRuleFile(rules, global, warnings);
    }

    private static SecretRule? ReadRule(TomlTable table, string where)
    {
        var id = Optional(table, "id", where) ?? throw new SecretRuleFileException($"{where}: a rule has no id; add id = \"…\"");
        var regex = Optional(table, "regex", where);
        if (regex is null)
        {
            return table.ContainsKey("path") ? null : throw new SecretRuleFileException($"{where}: rule {id} has no regex; add regex = '''…'''");
        }

        var pattern = GitleaksRegex.ToDotNet(regex);
        Check(pattern, where, $"rule {id}'s regex");
        var allowlists = Allowlists(table, "allowlist", "allowlists", where);
        return new SecretRule(id, Optional(table, "description", where) ?? id, pattern, (int)Number(table, "secretGroup", where), Number(table, "entropy", where), Strings(table, "keywords", where))
        {
            Allowlists = allowlists,
            Source = where,
        };
    }

    private static IReadOnlyList<SecretAllowlist> Allowlists(TomlTable table, string single, string many, string where)
    {
        var tables = new List<TomlTable>();
        if (table.TryGetValue(single, out var one))
        {
            tables.Add(one as TomlTable ?? throw new SecretRuleFileException($"{where}: '{single}' must be a table"));
        }

        tables.AddRange(TablesOf(table, many, where));
        return tables.Select(allow =>
        {
            var regexes = Strings(allow, "regexes", where).Select(GitleaksRegex.ToDotNet).ToList();
            regexes.ForEach(r => Check(r, where, "an allowlist regex"));
            var target = Optional(allow, "regexTarget", where) switch
            {
                null or "secret" => SecretAllowTarget.Secret,
                "match" => SecretAllowTarget.Match,
                "line" => SecretAllowTarget.Line,
                var other => throw new SecretRuleFileException($"{where}: regexTarget '{other}' is not one of secret, match, line"),
            };
            return new SecretAllowlist(regexes, Strings(allow, "stopwords", where), target);
        }).ToList();
    }

    private static IEnumerable<TomlTable> TablesOf(TomlTable table, string key, string where) =>
        !table.TryGetValue(key, out var value) ? []
        : value as TomlTableArray ?? throw new SecretRuleFileException($"{where}: '{key}' must be an array of tables ([[{key}]])");

    private static string? Optional(TomlTable table, string key, string where) =>
        !table.TryGetValue(key, out var value) ? null
        : value as string ?? throw new SecretRuleFileException($"{where}: '{key}' must be a string");

    private static double Number(TomlTable table, string key, string where) => !table.TryGetValue(key, out var value) ? 0 : value switch
    {
        long whole when whole >= 0 => whole,
        double real when real >= 0 => real,
        _ => throw new SecretRuleFileException($"{where}: '{key}' must be a number of zero or more, not {Convert.ToString(value, CultureInfo.InvariantCulture)}"),
    };

    private static IReadOnlyList<string> Strings(TomlTable table, string key, string where)
    {
        if (!table.TryGetValue(key, out var value))
        {
            return [];
        }

        if (value is not TomlArray array || array.Any(item => item is not string { Length: > 0 }))
        {
            throw new SecretRuleFileException($"{where}: '{key}' must be a list of non-empty strings");
        }

        return array.Cast<string>().ToList();
    }

    private static void Check(string pattern, string where, string what)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException)
        {
            throw new SecretRuleFileException($"{where}: {what} cannot be used: {FirstLine(error.Message)}", error);
        }
    }

    /// <summary>The 1-based line of each table header, in order, so a rule's problems can name its line.</summary>
    private static List<int> HeaderLines(string text, string header)
    {
        var lines = new List<int>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (line.Trim().StartsWith(header, StringComparison.Ordinal))
            {
                lines.Add(number);
            }
        }

        return lines;
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
