using AgentDeck.Agents.Claude;
using AgentDeck.Agents.Codex;
using AgentDeck.Agents.Gemini;
using AgentDeck.Agents.OpenCode;
using AgentDeck.Core;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Agents;

/// <summary>The stream parser for each agent's machine output (the formats AgentDeck launches the CLIs with).</summary>
public static class AgentParsers
{
    /// <summary>
    /// A fresh parser for one run. Pass <paramref name="baseline"/> when the run resumes a session whose earlier runs
    /// reported running totals, so the first turn's figures are this turn's own.
    /// </summary>
    public static IAgentStreamParser Create(AgentKind kind, ParserBaseline? baseline = null) => kind switch
    {
        AgentKind.Claude => new ClaudeStreamParser(baseline),
        AgentKind.Codex => new CodexStreamParser(baseline),
        AgentKind.Gemini => new GeminiStreamParser(),
        AgentKind.OpenCode => new OpenCodeStreamParser(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no stream parser for this agent"),
    };
}
