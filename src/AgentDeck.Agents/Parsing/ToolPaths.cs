using System.Text.Json;

namespace AgentDeck.Agents.Parsing;

/// <summary>Which files a tool call names, and which tools change the files they name.</summary>
internal static class ToolPaths
{
    private static readonly byte[][] PathKeys =
        [.. new[] { "file_path", "filePath", "notebook_path", "path", "absolute_path" }.Select(System.Text.Encoding.UTF8.GetBytes)];

    /// <summary>File-changing tools of every agent (Claude, Gemini, OpenCode names), compared case-insensitively.</summary>
    private static readonly HashSet<string> Mutating = new(StringComparer.OrdinalIgnoreCase)
    {
        "Write", "Edit", "MultiEdit", "NotebookEdit", "write_file", "replace", "edit", "patch", "apply_patch", "multiedit",
    };

    public static bool IsMutating(string toolName) => Mutating.Contains(toolName);

    public static IReadOnlyList<string> FromInput(TapeElement? input)
    {
        if (input is not { ValueKind: JsonValueKind.Object } value)
        {
            return [];
        }

        List<string>? paths = null;
        foreach (var key in PathKeys)
        {
            if (value.TryGetProperty(key, out var field) && field.ValueKind == JsonValueKind.String &&
                field.GetString() is { Length: > 0 } path)
            {
                paths ??= new List<string>(1);
                if (!paths.Contains(path))
                {
                    paths.Add(path);
                }
            }
        }

        return paths is null ? [] : paths;
    }
}
