using AgentDeck.Core;
using AgentDeck.Discovery.Environment;

namespace AgentDeck.Discovery.Doctor;

/// <summary>
/// Where an agent finds credentials or a base URL when it runs headless: environment variables (names only are ever
/// reported) and files that exist after a login. Profiles with a credential or base URL count as evidence too.
/// </summary>
public sealed record HeadlessEvidenceRule(
    AgentKind Agent,
    IReadOnlyList<string> Variables,
    Func<DiscoveryEnvironment, IReadOnlyList<string>> LoginFiles,
    string Fix)
{
    public static IReadOnlyList<HeadlessEvidenceRule> All { get; } =
    [
        new(AgentKind.Claude, ["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_BASE_URL", "CLAUDE_CODE_USE_BEDROCK", "CLAUDE_CODE_USE_VERTEX"],
            environment => [Path.Combine(environment.ClaudeConfigDirectory, ".credentials.json")],
            "run `claude` once and log in, or set ANTHROPIC_API_KEY (or pick a CC-Switch provider)"),
        new(AgentKind.Codex, ["OPENAI_API_KEY", "CODEX_API_KEY", "OPENAI_BASE_URL"],
            environment => [Path.Combine(environment.CodexHome, "auth.json")],
            "run `codex login`, or set OPENAI_API_KEY"),
        new(AgentKind.Gemini, ["GEMINI_API_KEY", "GOOGLE_API_KEY", "GOOGLE_GEMINI_BASE_URL", "GOOGLE_GENAI_USE_VERTEXAI"],
            environment => [Path.Combine(environment.GeminiDirectory, "oauth_creds.json")],
            "set GEMINI_API_KEY and select gemini-api-key auth in ~/.gemini/settings.json"),
        new(AgentKind.OpenCode, ["ANTHROPIC_API_KEY", "OPENAI_API_KEY", "OPENROUTER_API_KEY", "GEMINI_API_KEY"],
            environment =>
            [
                Path.Combine(environment.OpenCodeDataDirectory, "auth.json"),
                Path.Combine(environment.OpenCodeConfigDirectory, "opencode.json"),
                Path.Combine(environment.OpenCodeConfigDirectory, "opencode.jsonc"),
            ],
            "run `opencode auth login`, or configure a provider in ~/.config/opencode/opencode.json"),
    ];

    public static HeadlessEvidenceRule For(AgentKind agent) => All.First(rule => rule.Agent == agent);
}
