using AgentDeck.Agents.Claude;
using AgentDeck.Agents.Codex;
using AgentDeck.Agents.Gemini;
using AgentDeck.Agents.OpenCode;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Agents.Tests.Support;

/// <summary>A valid line per parser and the event it must yield: fed after garbage, it shows parsing went on correctly.</summary>
internal sealed record Probe(string Name, Func<IAgentStreamParser> Create, string Line, Func<AgentEvent, bool> Expected)
{
    public static IReadOnlyList<Probe> All { get; } =
    [
        new("claude", () => new ClaudeStreamParser(), """{"type":"system","subtype":"init","session_id":"probe"}""",
            e => e is SessionStarted { SessionId: "probe" }),
        new("codex", () => new CodexStreamParser(), """{"type":"thread.started","thread_id":"probe"}""",
            e => e is SessionStarted { SessionId: "probe" }),
        new("gemini", () => new GeminiStreamParser(), """{"type":"init","session_id":"probe","model":"m"}""",
            e => e is SessionStarted { SessionId: "probe" }),
        new("opencode", () => new OpenCodeStreamParser(), """{"type":"text","sessionID":"s","part":{"type":"text","text":"probe"}}""",
            e => e is AssistantText { Text: "probe" }),
        new("claude-text", () => new ClaudeTextParser(), "probe", e => e is AssistantText { Text: "probe\n" }),
    ];

    public static Probe For(string transcript) => All.Single(p => p.Name == Parsers.KindOf(transcript).ToString().ToLowerInvariant());

    /// <summary>Feeds the probe line and asserts it parsed as if nothing had gone before.</summary>
    public void AssertStillParses(IAgentStreamParser parser)
    {
        var events = new List<AgentEvent>();
        parser.ParseLine(System.Text.Encoding.UTF8.GetBytes(Line), events);
        Assert.Contains(events, e => Expected(e));
    }

    public override string ToString() => Name;
}
