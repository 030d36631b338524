using System.Text.Json;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Parsing;

namespace AgentDeck.Agents.Codex;

/// <summary>
/// Reads both Codex machine outputs, deciding per line: <c>codex exec --json</c> (objects with a <c>type</c>) and the
/// <c>codex app-server</c> JSON-RPC stream (objects with <c>method</c>/<c>id</c>). Codex reports thread-cumulative tokens,
/// so each turn gets the difference to the previous total (or to <see cref="ParserBaseline.CumulativeTokens"/>).
/// </summary>
public sealed class CodexStreamParser : IAgentStreamParser, IJsonLineHandler
{
    private readonly JsonLines _lines = new();
    private readonly CodexSession _session;
    private readonly CodexExecLines _exec;
    private readonly CodexAppServerLines _appServer;
    private bool _completed;

    public CodexStreamParser(ParserBaseline? baseline = null)
    {
        _session = new CodexSession(baseline?.CumulativeTokens);
        var items = new CodexItems(_session);
        _exec = new CodexExecLines(_session, items);
        _appServer = new CodexAppServerLines(_session, items);
    }

    public AgentKind Agent => AgentKind.Codex;

    public void ParseLine(ReadOnlySpan<byte> line, ICollection<AgentEvent> output) => _lines.Parse(line, output, this);

    public void Complete(int? exitCode, ICollection<AgentEvent> output)
    {
        if (!_completed)
        {
            _completed = true;
            _session.EndStream(exitCode, output);
        }
    }

    string? IJsonLineHandler.Handle(TapeElement root, List<AgentEvent> output)
    {
        if (root.Str("type"u8) is { } type)
        {
            _exec.Read(type, root, output);
            return null;
        }

        if (root.Prop("method"u8) is not null || root.Prop("id"u8) is not null)
        {
            _appServer.Read(root, output);
            return null;
        }

        return "JSON object that is neither an exec event (\"type\") nor a JSON-RPC message (\"method\"/\"id\")";
    }
}
