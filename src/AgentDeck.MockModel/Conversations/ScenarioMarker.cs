using System.Text.RegularExpressions;

namespace AgentDeck.MockModel.Conversations;

/// <summary>Finds the <c>[[S:name]]</c> marker that picks a scenario, and the workspace a CLI reports.</summary>
internal static partial class ScenarioMarker
{
    /// <summary>The last marker in <paramref name="text"/>, or null.</summary>
    public static string? Find(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var matches = Marker().Matches(text);
        return matches.Count == 0 ? null : matches[^1].Groups["name"].Value;
    }

    /// <summary>Claude Code's system prompt: "Primary working directory: /path".</summary>
    public static string? ClaudeWorkspace(string text) =>
        ClaudeCwd().Match(text) is { Success: true } m ? m.Groups["dir"].Value.Trim() : null;

    /// <summary>Codex's environment context: "&lt;cwd&gt;/path&lt;/cwd&gt;".</summary>
    public static string? CodexWorkspace(string text) =>
        CodexCwd().Match(text) is { Success: true } m ? m.Groups["dir"].Value.Trim() : null;

    [GeneratedRegex(@"\[\[S:(?<name>[^\]\s]+)\]\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"Primary working directory: (?<dir>[^\r\n]+)")]
    private static partial Regex ClaudeCwd();

    [GeneratedRegex(@"<cwd>(?<dir>[^<]+)</cwd>")]
    private static partial Regex CodexCwd();
}
