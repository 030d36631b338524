using AgentDeck.Agents;
using AgentDeck.Core;
using AgentDeck.Core.Events;

namespace AgentDeck.Cli.Common;

/// <summary>
/// Throwaway parses of a few lines shaped like an agent's first output, so the JIT has compiled the parse path before
/// the agent's first real line arrives: a cold spawn's front end does it while the agent starts (the supervisor host
/// records the same lines into a throwaway ledger, <see cref="RecordingWarmUp"/>). The parsers are new ones, thrown away after.
/// </summary>
public static class ParserWarmUp
{
    private static readonly string[] ClaudeLines =
    [
        """{"type":"system","subtype":"init","cwd":"/","session_id":"00000000-0000-0000-0000-000000000000","tools":["Bash"],"mcp_servers":[],"model":"warm-up","permissionMode":"default","apiKeySource":"none"}""",
        """{"type":"assistant","message":{"id":"m","type":"message","role":"assistant","model":"warm-up","content":[{"type":"text","text":"hi"}],"usage":{"input_tokens":1,"output_tokens":1}},"session_id":"00000000-0000-0000-0000-000000000000"}""",
    ];

    private static readonly string[] CodexLines =
    [
        """{"id":1,"result":{"userAgent":"warm-up","codexHome":"/","platformFamily":"unix","platformOs":"linux"}}""",
        """{"method":"thread/started","params":{"thread":{"id":"t"}}}""",
        """{"type":"thread.started","thread_id":"t"}""",
    ];

    private static readonly string[] OtherLines = ["""{"type":"init","session_id":"00000000-0000-0000-0000-000000000000","model":"warm-up"}"""];

    /// <summary>Parses the lines shaped like <paramref name="agent"/>'s first output with a throwaway parser.</summary>
    public static void Run(AgentKind agent)
    {
        var parser = AgentParsers.Create(agent);
        var events = new List<AgentEvent>(8);
        foreach (var line in LinesOf(agent))
        {
            try
            {
                parser.ParseLine(System.Text.Encoding.UTF8.GetBytes(line), events);
            }
            catch (Exception)
            {
                // Only the compiled code matters here; the run's own parse reports its own failures.
            }

            events.Clear();
        }
    }

    /// <summary>The canned lines shaped like <paramref name="agent"/>'s first output.</summary>
    public static IReadOnlyList<string> LinesOf(AgentKind agent) => agent switch
    {
        AgentKind.Claude => ClaudeLines,
        AgentKind.Codex => CodexLines,
        _ => OtherLines,
    };
}
