using System.Text.Json;
using AgentDeck.Agents.Parsing;

namespace AgentDeck.Agents.Claude;

/// <summary>
/// Remembers each tool call from its <c>tool_use</c> block, because the matching <c>tool_result</c> names only the id,
/// and remembers which calls were already reported as denied, because Claude reports one denial up to three times
/// (<c>system/permission_denied</c>, the rejected <c>tool_result_meta</c>, the <c>result.permission_denials</c> list).
/// </summary>
internal sealed class ClaudeToolTracker
{
    private readonly Dictionary<string, (string Name, IReadOnlyList<string> Paths)> _calls = new(StringComparer.Ordinal);
    private readonly HashSet<string> _denied = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Started(string id, string name, TapeElement? input)
    {
        var paths = ToolPaths.FromInput(input);
        _calls[id] = (name, paths);
        return paths;
    }

    public string NameOf(string id) => _calls.TryGetValue(id, out var call) ? call.Name : "unknown";

    /// <summary>The files a finished call changed: only for successful file-changing tools, from Claude's own result if it names one.</summary>
    public IReadOnlyList<string> ChangedPaths(string id, bool isError, TapeElement? toolUseResult)
    {
        if (isError || !_calls.TryGetValue(id, out var call) || !ToolPaths.IsMutating(call.Name))
        {
            return [];
        }

        if (toolUseResult is { ValueKind: JsonValueKind.Object } result &&
            (result.Str("filePath"u8) ?? result.Str("notebook_path"u8) ?? result.Str("notebookPath"u8)) is { Length: > 0 } path)
        {
            return [path];
        }

        return call.Paths;
    }

    /// <summary>True the first time a call is reported as denied.</summary>
    public bool MarkDenied(string? id) => id is null || _denied.Add(id);

    public void EndTurn() => _denied.Clear();
}
