using AgentDeck.Agents.Claude;
using AgentDeck.Core;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Agents.Tests.Support;

/// <summary>Which parser reads which transcript, and the exit code each recorded run ended with (agent-protocols.md).</summary>
internal static class Parsers
{
    public static AgentKind KindOf(string transcript) =>
        transcript.StartsWith("claude", StringComparison.Ordinal) ? AgentKind.Claude
        : transcript.StartsWith("codex", StringComparison.Ordinal) ? AgentKind.Codex
        : transcript.StartsWith("gemini", StringComparison.Ordinal) ? AgentKind.Gemini
        : AgentKind.OpenCode;

    /// <summary>The parser for a transcript's format: Claude's <c>.txt</c> captures are <c>--output-format text</c>.</summary>
    public static IAgentStreamParser For(string transcript, ParserBaseline? baseline = null) =>
        transcript.EndsWith(".txt", StringComparison.Ordinal) ? new ClaudeTextParser() : AgentParsers.Create(KindOf(transcript), baseline);

    public static IAgentStreamParser[] All() =>
    [
        AgentParsers.Create(AgentKind.Claude), AgentParsers.Create(AgentKind.Codex), AgentParsers.Create(AgentKind.Gemini),
        AgentParsers.Create(AgentKind.OpenCode), new ClaudeTextParser(),
    ];
}
