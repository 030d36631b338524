using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentDeck.MockModel.Scenarios;

/// <summary>
/// Reads scenarios from YAML. The root is either a list of scenarios or a mapping with a <c>scenarios:</c> list.
/// Every problem is reported as a <see cref="ScenarioFormatException"/> naming the file, line and column.
/// </summary>
public static class ScenarioYamlReader
{
    private static readonly string[] StepKinds = ["reply", "error", "cut"];

    private static readonly Dictionary<string, Func<YamlNodes, YamlNode, ScenarioBlock>> BlockReaders = new()
    {
        ["text"] = (y, n) => new TextBlock(y.String(n, "text")),
        ["thinking"] = (y, n) => new ThinkingBlock(y.String(n, "thinking")),
        ["write"] = ReadWrite,
        ["edit"] = ReadEdit,
        ["bash"] = ReadShell,
        ["read"] = ReadRead,
        ["tool"] = ReadRawTool,
    };

    public static IReadOnlyList<Scenario> ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException(path, 0, 0, $"cannot read the scenario file: {e.Message}", e);
        }

        return Read(text, path);
    }

    public static IReadOnlyList<Scenario> Read(string yaml, string source)
    {
        var y = new YamlNodes(source);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new ScenarioFormatException(source, (int)e.Start.Line, (int)e.Start.Column, "invalid YAML: " + InnerMost(e).Message, e);
        }

        if (stream.Documents.Count == 0)
        {
            throw new ScenarioFormatException(source, 1, 1, "the file holds no scenarios");
        }

        var root = stream.Documents[0].RootNode;
        var list = root is YamlMappingNode map
            ? y.Sequence(y.Required(map, "scenarios", "the file"), "'scenarios'")
            : y.Sequence(root, "the file (a list of scenarios or a mapping with 'scenarios:')");
        if (root is YamlMappingNode rootMap)
        {
            y.OnlyKeys(rootMap, "the file", "scenarios");
        }

        var scenarios = new List<Scenario>();
        foreach (var node in list.Children)
        {
            var scenario = ReadScenario(y, node, source);
            if (scenarios.Any(s => s.Name == scenario.Name))
            {
                throw y.Fail(node, $"scenario '{scenario.Name}' is defined twice");
            }

            scenarios.Add(scenario);
        }

        return scenarios;
    }

    private static Exception InnerMost(Exception e) => e.InnerException is null ? e : InnerMost(e.InnerException);

    private static Scenario ReadScenario(YamlNodes y, YamlNode node, string source)
    {
        var map = y.Mapping(node, "a scenario");
        y.OnlyKeys(map, "a scenario", "name", "description", "steps", "models");
        var nameNode = y.Required(map, "name", "a scenario");
        var name = y.String(nameNode, "'name'");
        if (name.Any(c => char.IsWhiteSpace(c) || c == ']' || c == '['))
        {
            throw y.Fail(nameNode, $"scenario name '{name}' must not contain spaces or brackets (it is used in [[S:{name}]])");
        }

        var description = YamlNodes.Optional(map, "description") is { } d ? y.String(d, "'description'") : "";
        var stepsNode = y.Sequence(y.Required(map, "steps", $"scenario '{name}'"), $"'steps' of scenario '{name}'");
        if (stepsNode.Children.Count == 0)
        {
            throw y.Fail(stepsNode, $"scenario '{name}' has no steps");
        }

        var steps = stepsNode.Children.Select(s => ReadStep(y, s, name)).ToList();
        var models = YamlNodes.Optional(map, "models") is { } m ? ReadModelRules(y, m, name) : [];
        return new Scenario(name, description, steps, source) { Models = models };
    }

    /// <summary><c>models: { MODEL: reject | {status, message?, retry_after?} }</c>: per-model answers before any step.</summary>
    private static IReadOnlyList<ModelRule> ReadModelRules(YamlNodes y, YamlNode node, string scenario)
    {
        var what = $"'models' of scenario '{scenario}'";
        var map = y.Mapping(node, what);
        var rules = new List<ModelRule>();
        foreach (var (key, value) in map.Children)
        {
            var model = y.String(key, what);
            if (value is YamlScalarNode { Value: "reject" })
            {
                rules.Add(new ModelRule(model, null));
            }
            else if (value is YamlMappingNode)
            {
                rules.Add(new ModelRule(model, ReadError(y, value)));
            }
            else
            {
                throw y.Fail(value, $"model '{model}' in {what} must be 'reject' or an error mapping like {{status: 500}}");
            }
        }

        return rules;
    }

    private static ScenarioStep ReadStep(YamlNodes y, YamlNode node, string scenario)
    {
        var what = $"a step of scenario '{scenario}'";
        var map = y.Mapping(node, what);
        y.OnlyKeys(map, what, [.. StepKinds, "times", "usage", "delay_ms", "chunk_delay_ms"]);
        var kinds = StepKinds.Where(k => YamlNodes.Optional(map, k) is not null).ToList();
        if (kinds.Count != 1)
        {
            throw y.Fail(node, $"{what} must have exactly one of: reply, error, cut (found {(kinds.Count == 0 ? "none" : string.Join(", ", kinds))})");
        }

        var kind = kinds[0];
        var body = YamlNodes.Optional(map, kind)!;
        var times = YamlNodes.Optional(map, "times") is { } t ? y.Int(t, "'times'", 1) : (int?)null;
        if (times is not null && kind == "reply")
        {
            throw y.Fail(YamlNodes.Optional(map, "times")!, "'times' applies only to error and cut steps");
        }

        var usage = YamlNodes.Optional(map, "usage") is { } u ? ReadUsage(y, u) : null;
        var delay = YamlNodes.Optional(map, "delay_ms") is { } dm ? y.Int(dm, "'delay_ms'", 0) : 0;
        var chunkDelay = YamlNodes.Optional(map, "chunk_delay_ms") is { } cd ? y.Int(cd, "'chunk_delay_ms'", 0) : 0;
        var line = (int)node.Start.Line;
        return kind switch
        {
            "reply" => new ScenarioStep(StepKind.Reply, ReadBlocks(y, body), null, null, usage, delay, chunkDelay, line),
            "error" => new ScenarioStep(StepKind.Error, [], ReadError(y, body), times, usage, delay, chunkDelay, line),
            _ => new ScenarioStep(StepKind.Cut, [], ReadCut(y, body), times, usage, delay, chunkDelay, line),
        };
    }

    private static IReadOnlyList<ScenarioBlock> ReadBlocks(YamlNodes y, YamlNode node)
    {
        var list = y.Sequence(node, "'reply'");
        if (list.Children.Count == 0)
        {
            throw y.Fail(node, "'reply' needs at least one block (text, thinking, write, edit, bash, read, tool)");
        }

        return list.Children.Select(b => ReadBlock(y, b)).ToList();
    }

    private static ScenarioBlock ReadBlock(YamlNodes y, YamlNode node)
    {
        var map = y.Mapping(node, "a reply block");
        if (map.Children.Count != 1)
        {
            throw y.Fail(node, "a reply block must have exactly one key: " + string.Join(", ", BlockReaders.Keys));
        }

        var (key, value) = map.Children.Single();
        var type = y.String(key, "a block type");
        return BlockReaders.TryGetValue(type, out var reader)
            ? reader(y, value)
            : throw y.Fail(key, $"unknown block type '{type}'; expected one of: {string.Join(", ", BlockReaders.Keys)}");
    }

    private static ScenarioBlock ReadWrite(YamlNodes y, YamlNode node)
    {
        var map = y.Mapping(node, "'write'");
        y.OnlyKeys(map, "'write'", "path", "content");
        return new WriteFileBlock(
            y.String(y.Required(map, "path", "'write'"), "'path'"),
            y.String(y.Required(map, "content", "'write'"), "'content'"));
    }

    private static ScenarioBlock ReadEdit(YamlNodes y, YamlNode node)
    {
        var map = y.Mapping(node, "'edit'");
        y.OnlyKeys(map, "'edit'", "path", "old", "new");
        return new EditFileBlock(
            y.String(y.Required(map, "path", "'edit'"), "'path'"),
            y.String(y.Required(map, "old", "'edit'"), "'old'"),
            y.String(y.Required(map, "new", "'edit'"), "'new'"));
    }

    private static ScenarioBlock ReadShell(YamlNodes y, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return new ShellBlock(y.String(node, "'bash'"));
        }

        var map = y.Mapping(node, "'bash' (a command, or a mapping with command and description)");
        y.OnlyKeys(map, "'bash'", "command", "description");
        var description = YamlNodes.Optional(map, "description") is { } d ? y.String(d, "'description'") : null;
        return new ShellBlock(y.String(y.Required(map, "command", "'bash'"), "'command'"), description);
    }

    private static ScenarioBlock ReadRead(YamlNodes y, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return new ReadFileBlock(y.String(node, "'read'"));
        }

        var map = y.Mapping(node, "'read' (a path, or a mapping with path)");
        y.OnlyKeys(map, "'read'", "path");
        return new ReadFileBlock(y.String(y.Required(map, "path", "'read'"), "'path'"));
    }

    private static ScenarioBlock ReadRawTool(YamlNodes y, YamlNode node)
    {
        var map = y.Mapping(node, "'tool'");
        y.OnlyKeys(map, "'tool'", "name", "input");
        var input = YamlNodes.Optional(map, "input") is { } i ? y.ToJsonObject(y.Mapping(i, "'input'")) : new();
        return new RawToolBlock(y.String(y.Required(map, "name", "'tool'"), "'name'"), input);
    }

    private static ScenarioError ReadError(YamlNodes y, YamlNode node)
    {
        var map = y.Mapping(node, "'error'");
        y.OnlyKeys(map, "'error'", "status", "message", "retry_after");
        var statusNode = y.Required(map, "status", "'error'");
        var status = y.Int(statusNode, "'status'", 400);
        if (status > 599)
        {
            throw y.Fail(statusNode, "'status' must be an HTTP error status between 400 and 599");
        }

        var message = YamlNodes.Optional(map, "message") is { } m ? y.String(m, "'message'") : null;
        var retryAfter = YamlNodes.Optional(map, "retry_after") is { } r ? y.Int(r, "'retry_after'", 0) : (int?)null;
        return new ScenarioError(status, message, retryAfter);
    }

    private static ScenarioError ReadCut(YamlNodes y, YamlNode node)
    {
        if (YamlNodes.IsNull(node))
        {
            return new ScenarioError(529);
        }

        var map = y.Mapping(node, "'cut'");
        y.OnlyKeys(map, "'cut'", "message");
        return new ScenarioError(529, YamlNodes.Optional(map, "message") is { } m ? y.String(m, "'message'") : null);
    }

    private static ScenarioUsage ReadUsage(YamlNodes y, YamlNode node)
    {
        var map = y.Mapping(node, "'usage'");
        string[] keys = ["input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens", "reasoning_tokens"];
        y.OnlyKeys(map, "'usage'", keys);
        int? Get(string key) => YamlNodes.Optional(map, key) is { } n ? y.Int(n, $"'{key}'", 0) : null;
        return new ScenarioUsage(Get(keys[0]), Get(keys[1]), Get(keys[2]), Get(keys[3]), Get(keys[4]));
    }
}
