using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.FileSystemGlobbing;

namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>
/// Claude's read-only search tools, played for real in the worker's folder: Glob lists the files a pattern matches,
/// Grep the files (or, with <c>output_mode: content</c>, the lines) a regular expression matches. Paths are shown
/// relative to the folder, in order, as the real tools show them.
/// </summary>
public sealed class SimulatedSearch(string workingDirectory)
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    public ToolOutcome Glob(JsonObject input)
    {
        var pattern = (string?)input["pattern"];
        if (string.IsNullOrEmpty(pattern))
        {
            return new ToolOutcome("<tool_use_error>InputValidationError: Glob failed: the required parameter `pattern` is missing</tool_use_error>", true);
        }

        var files = Files(Root(input), pattern);
        return new ToolOutcome(files.Count == 0 ? "No files found" : string.Join('\n', files), false);
    }

    public ToolOutcome Grep(JsonObject input)
    {
        var pattern = (string?)input["pattern"];
        if (string.IsNullOrEmpty(pattern))
        {
            return new ToolOutcome("<tool_use_error>InputValidationError: Grep failed: the required parameter `pattern` is missing</tool_use_error>", true);
        }

        Regex expression;
        try
        {
            expression = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException error)
        {
            return new ToolOutcome($"<tool_use_error>Grep failed: {error.Message}</tool_use_error>", true);
        }

        var root = Root(input);
        var candidates = File.Exists(root) ? [Path.GetRelativePath(workingDirectory, root)] : Files(root, (string?)input["glob"] ?? "**/*");
        var content = (string?)input["output_mode"] == "content";
        var found = new StringBuilder();
        var matchingFiles = 0;
        foreach (var file in candidates)
        {
            var lines = File.ReadAllLines(Path.Combine(workingDirectory, file));
            var hits = lines.Select((text, index) => (text, number: index + 1)).Where(line => expression.IsMatch(line.text)).ToList();
            if (hits.Count == 0)
            {
                continue;
            }

            matchingFiles++;
            if (!content)
            {
                found.Append(file).Append('\n');
                continue;
            }

            foreach (var hit in hits)
            {
                found.Append(file).Append(':').Append(hit.number).Append(':').Append(hit.text).Append('\n');
            }
        }

        return matchingFiles == 0
            ? new ToolOutcome("No matches found", false)
            : new ToolOutcome(content ? found.ToString().TrimEnd('\n') : $"Found {matchingFiles} file{(matchingFiles == 1 ? "" : "s")}\n{found.ToString().TrimEnd('\n')}", false);
    }

    private string Root(JsonObject input) =>
        (string?)input["path"] is { Length: > 0 } path ? Path.GetFullPath(path, workingDirectory) : workingDirectory;

    private List<string> Files(string root, string pattern)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(pattern);
        matcher.AddExclude(".git/**");
        return matcher.GetResultsInFullPath(root).Select(full => Path.GetRelativePath(workingDirectory, full)).Order(StringComparer.Ordinal).ToList();
    }
}
