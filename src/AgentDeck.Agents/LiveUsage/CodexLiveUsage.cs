using AgentDeck.Agents.Codex;
using AgentDeck.Agents.Parsing;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.LiveUsage;

/// <summary>
/// Codex app-server's running token count inside a turn: the sum of <c>thread/tokenUsage/updated</c>'s <c>last</c>
/// (one model request each) since the turn started. The thread total is not used directly: after a resume it holds
/// the earlier turns too. <c>exec --json</c> reports usage only when the turn completes, so it never moves this.
/// </summary>
public sealed class CodexLiveUsage : ILiveUsageMeter
{
    private readonly JsonTape _tape = new();
    private TokenUsage? _lastTotal;

    public TokenUsage InFlight { get; private set; }

    public string? Model => null;

    public long Version { get; private set; }

    public void Observe(ReadOnlySpan<byte> stdoutLine)
    {
        if (stdoutLine.IndexOf("\"method\":\"thread/tokenUsage/updated\""u8) >= 0)
        {
            AddRequest(stdoutLine);
        }
        else if (stdoutLine.IndexOf("\"method\":\"turn/started\""u8) >= 0
                 || stdoutLine.IndexOf("\"method\":\"turn/completed\""u8) >= 0)
        {
            // The completed turn's usage now comes from the parser's own report; a new turn starts from nothing.
            if (!InFlight.IsZero)
            {
                InFlight = TokenUsage.Zero;
                Version++;
            }
        }
    }

    private void AddRequest(ReadOnlySpan<byte> line)
    {
        // A malformed line teaches nothing; the parser records it as unparsed.
        if (!_tape.TryRead(line) || _tape.Root.Obj("params"u8)?.Obj("tokenUsage"u8) is not { } usage
            || usage.Obj("last"u8) is not { } last)
        {
            return;
        }

        var total = usage.Obj("total"u8) is { } t ? CodexUsage.FromAppServer(t) : (TokenUsage?)null;
        // The same request reported twice leaves the thread total where it was: count it once.
        if (total is not null && total == _lastTotal)
        {
            return;
        }

        _lastTotal = total;
        InFlight += CodexUsage.FromAppServer(last);
        Version++;
    }
}
