namespace AgentDeck.Core;

/// <summary>Names of <see cref="AgentKind"/> as the user types them (<c>--agent claude</c>).</summary>
public static class AgentKinds
{
    public static IReadOnlyList<string> Names { get; } = ["claude", "codex", "gemini", "opencode"];

    public static string ToName(this AgentKind kind) => kind switch
    {
        AgentKind.Claude => "claude",
        AgentKind.Codex => "codex",
        AgentKind.Gemini => "gemini",
        AgentKind.OpenCode => "opencode",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? name, out AgentKind kind)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "claude": kind = AgentKind.Claude; return true;
            case "codex": kind = AgentKind.Codex; return true;
            case "gemini": kind = AgentKind.Gemini; return true;
            case "opencode": kind = AgentKind.OpenCode; return true;
            default: kind = default; return false;
        }
    }
}
