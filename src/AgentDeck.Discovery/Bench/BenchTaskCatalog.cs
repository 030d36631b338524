using System.Text.RegularExpressions;
using AgentDeck.Core.Events;
using AgentDeck.Core.Routing;
using AgentDeck.Discovery.Catalogs;
using YamlDotNet.RepresentationModel;

namespace AgentDeck.Discovery.Bench;

/// <summary>
/// Reads a bench task file (see Data/bench-tasks.yaml). Unlike the other catalogs a task set is all or nothing: a
/// bench that silently skipped a broken task would record misleading calibration, so any problem throws
/// <see cref="BenchTaskFileException"/> with file, line and column.
/// </summary>
public static class BenchTaskCatalog
{
    public const string FileName = "bench-tasks.yaml";

    public static BenchTaskSet BuiltIn() => Parse(DataCatalogLoader.ReadEmbedded(FileName), $"(built-in) {FileName}");

    public static BenchTaskSet LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new BenchTaskFileException(DiscoveryWarning.About(path, $"cannot read the task file ({error.Message})"));
        }

        return Parse(text, path);
    }

    public static BenchTaskSet Parse(string text, string source)
    {
        var warnings = new List<DiscoveryWarning>();
        var root = YamlNodes.LoadRoot(text, source, warnings);
        var tasks = new List<BenchTask>();
        var estimate = new TokenUsage(0, 0, 0, 0, 0);
        if (root is not null)
        {
            estimate = Estimate(root, source, warnings);
            foreach (var entry in YamlNodes.Entries(root, "tasks", source, warnings))
            {
                if (ReadTask(entry, source, warnings) is { } task)
                {
                    if (tasks.Any(known => known.Name == task.Name))
                    {
                        warnings.Add(YamlNodes.At(entry, source, $"task `{task.Name}` is defined twice"));
                    }

                    tasks.Add(task);
                }
            }
        }

        if (warnings.Count > 0)
        {
            throw new BenchTaskFileException(warnings[0]);
        }

        if (tasks.Count == 0)
        {
            throw new BenchTaskFileException(DiscoveryWarning.About(source, "the file has no tasks"));
        }

        return new BenchTaskSet(tasks, estimate, source);
    }

    private static TokenUsage Estimate(YamlMappingNode root, string source, ICollection<DiscoveryWarning> warnings)
    {
        if (YamlNodes.Node(root, "estimate") is not YamlMappingNode map)
        {
            return new TokenUsage(0, 0, 0, 0, 0);
        }

        long Tokens(string key) => (long)(YamlNodes.Number(map, key, source, warnings) ?? 0);
        return new TokenUsage(Tokens("input_tokens"), Tokens("cached_input_tokens"), 0, Tokens("output_tokens"), 0);
    }

    private static BenchTask? ReadTask(YamlMappingNode entry, string source, ICollection<DiscoveryWarning> warnings)
    {
        var name = YamlNodes.Text(entry, "name");
        var role = YamlNodes.Text(entry, "role");
        var prompt = YamlNodes.Text(entry, "prompt");
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(role) || string.IsNullOrWhiteSpace(prompt))
        {
            warnings.Add(YamlNodes.At(entry, source, "a task needs `name`, `role` and `prompt`"));
            return null;
        }

        var permission = YamlNodes.Text(entry, "permission")?.Trim().ToLowerInvariant() switch
        {
            "write" => RolePermission.Write,
            null or "read-only" or "readonly" => RolePermission.ReadOnly,
            var other => Warn<RolePermission?>(warnings, YamlNodes.At(YamlNodes.Node(entry, "permission")!, source, $"permission `{other}` is not read-only or write")),
        };
        var check = ReadCheck(entry, name, source, warnings);
        var files = ReadFiles(entry, source, warnings);
        return permission is null || check is null || files is null
            ? null
            : new BenchTask(name.Trim(), role.Trim(), permission.Value, prompt.Trim(), files, check);
    }

    private static IReadOnlyDictionary<string, string>? ReadFiles(YamlMappingNode entry, string source, ICollection<DiscoveryWarning> warnings)
    {
        var node = YamlNodes.Node(entry, "files");
        if (node is null)
        {
            return new Dictionary<string, string>();
        }

        if (node is not YamlMappingNode map)
        {
            return Warn<IReadOnlyDictionary<string, string>?>(warnings, YamlNodes.At(node, source, "`files` must be a mapping of path: content"));
        }

        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var path = (key as YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path) || path.Split('/').Contains("..") || value is not YamlScalarNode { Value: { } content })
            {
                return Warn<IReadOnlyDictionary<string, string>?>(warnings, YamlNodes.At(key, source, "each file needs a relative path inside the scratch repo and a text content"));
            }

            files[path] = content;
        }

        return files;
    }

    private static BenchCheck? ReadCheck(YamlMappingNode entry, string task, string source, ICollection<DiscoveryWarning> warnings)
    {
        if (YamlNodes.Node(entry, "check") is not YamlMappingNode map)
        {
            return Warn<BenchCheck?>(warnings, YamlNodes.At(entry, source, $"task `{task}` needs a `check:` mapping (file + contains/equals, or final_text)"));
        }

        var file = YamlNodes.Text(map, "file");
        var contains = YamlNodes.Text(map, "contains");
        var equals = YamlNodes.Text(map, "equals");
        var pattern = YamlNodes.Text(map, "final_text");
        if (file is null && pattern is null)
        {
            return Warn<BenchCheck?>(warnings, YamlNodes.At(map, source, $"the check of task `{task}` needs `file` or `final_text`"));
        }

        if (file is not null && (Path.IsPathRooted(file) || file.Split('/').Contains("..")))
        {
            return Warn<BenchCheck?>(warnings, YamlNodes.At(map, source, $"the checked file `{file}` must be a relative path inside the scratch repo"));
        }

        Regex? regex = null;
        if (pattern is not null)
        {
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException error)
            {
                return Warn<BenchCheck?>(warnings, YamlNodes.At(YamlNodes.Node(map, "final_text")!, source, $"`final_text` is not a valid regular expression ({error.Message})"));
            }
        }

        return new BenchCheck(file, contains, equals, regex);
    }

    private static T Warn<T>(ICollection<DiscoveryWarning> warnings, DiscoveryWarning warning)
    {
        warnings.Add(warning);
        return default!;
    }
}
