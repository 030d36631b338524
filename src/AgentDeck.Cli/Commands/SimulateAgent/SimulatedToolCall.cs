using System.Text.Json.Nodes;
using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>One tool call of a scripted reply: its id, the scenario block, and the absolute path it touches (if any).</summary>
public sealed record SimulatedToolCall(string Id, ScenarioBlock Block, string? FullPath)
{
    /// <summary>Claude's tool name for the block.</summary>
    public string ClaudeName => Block switch
    {
        WriteFileBlock => "Write",
        EditFileBlock => "Edit",
        ReadFileBlock => "Read",
        ShellBlock => "Bash",
        RawToolBlock raw => raw.Name,
        _ => "Tool",
    };

    /// <summary>Claude's tool input for the block.</summary>
    public JsonObject ClaudeInput => Block switch
    {
        WriteFileBlock write => new JsonObject { ["file_path"] = FullPath, ["content"] = write.Content },
        EditFileBlock edit => new JsonObject { ["file_path"] = FullPath, ["old_string"] = edit.OldText, ["new_string"] = edit.NewText },
        ReadFileBlock => new JsonObject { ["file_path"] = FullPath },
        ShellBlock shell => new JsonObject { ["command"] = shell.Command, ["description"] = shell.Description },
        RawToolBlock raw => (JsonObject)raw.Input.DeepClone(),
        _ => [],
    };

    /// <summary>The shell command a Codex worker would run for the block, when it is one.</summary>
    public string? ShellCommand => Block switch
    {
        ShellBlock shell => shell.Command,
        ReadFileBlock => "cat " + Quote(FullPath ?? ""),
        _ => null,
    };

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
