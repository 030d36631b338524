using AgentDeck.Agents.Parsing;
using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Codex;

/// <summary>
/// What a Codex stream needs to remember across lines, for both <c>exec --json</c> and the app-server: the open turn,
/// the tool calls still running (closed as errors when a turn ends without them), the last agent message (the turn's
/// final text) and the thread's running token total (Codex reports only that; turns get the difference).
/// </summary>
internal sealed class CodexSession
{
    private readonly Dictionary<string, string> _openCalls = new(StringComparer.Ordinal);
    private TokenUsage? _priorCumulative;

    public CodexSession(TokenUsage? baselineTokens) => _priorCumulative = baselineTokens;

    public bool TurnOpen { get; private set; }
    public int TurnsCompleted { get; private set; }
    public string? LastAgentText { get; set; }

    /// <summary>The newest thread total seen in the app-server's <c>thread/tokenUsage/updated</c> and not yet reported.</summary>
    public TokenUsage? PendingCumulative { get; set; }

    public void StartTurn()
    {
        TurnOpen = true;
        LastAgentText = null;
        PendingCumulative = null;
    }

    public void CallStarted(string id, string name) => _openCalls[id] = name;

    /// <summary>True when the call was announced; a call seen only at completion still needs its start event.</summary>
    public bool CallFinished(string id) => _openCalls.Remove(id);

    /// <summary>Per-turn usage from a thread-cumulative total (the first turn of a resumed thread needs the caller's baseline).</summary>
    public UsageReported Usage(TokenUsage cumulative)
    {
        var turn = cumulative - (_priorCumulative ?? TokenUsage.Zero);
        _priorCumulative = cumulative;
        return new UsageReported(turn, cumulative);
    }

    /// <summary>Ends the turn: calls left open are reported as finished with an error, then the turn's outcome.</summary>
    public void EndTurn(TurnCompleted completed, ICollection<AgentEvent> output)
    {
        foreach (var (id, name) in _openCalls)
        {
            output.Add(new ToolCallFinished(id, name, "no result: the turn ended first", true, []));
        }

        _openCalls.Clear();
        TurnOpen = false;
        TurnsCompleted++;
        PendingCumulative = null;
        output.Add(completed);
    }

    /// <summary>The stream ended: close a turn left open (a killed exec stops mid-turn with exit 1) or report a run without JSON.</summary>
    public void EndStream(int? exitCode, ICollection<AgentEvent> output)
    {
        if (TurnOpen)
        {
            var detail = $"stream ended inside a turn ({ExitCodes.Describe(exitCode)})";
            EndTurn(exitCode is 1 || ExitCodes.IsStoppedBySignal(exitCode)
                ? new TurnCompleted(TurnOutcome.Interrupted, null, FailureReasons.Aborted, detail)
                : new TurnCompleted(TurnOutcome.Failed, null, FailureReasons.Crash, detail), output);
        }
        else if (TurnsCompleted == 0 && exitCode is not (null or 0))
        {
            output.Add(new TurnCompleted(TurnOutcome.Failed, null, FailureReasons.Crash,
                $"codex exited with {ExitCodes.Describe(exitCode)} without finishing a turn (see its stderr)"));
        }
    }
}
