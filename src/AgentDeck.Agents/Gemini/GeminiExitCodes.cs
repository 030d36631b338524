using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Gemini;

/// <summary>
/// Gemini CLI exit codes (<c>ExitCodes</c>/<c>Fatal*Error</c> in its source) as outcomes, for a stream that ended
/// without a <c>result</c>. An API error exits with its HTTP status mod 256 (400 → 144), so unknown codes read as API errors.
/// </summary>
internal static class GeminiExitCodes
{
    private static readonly Dictionary<int, (TurnOutcome Outcome, string Reason)> Known = new()
    {
        [41] = (TurnOutcome.Failed, FailureReasons.Auth),
        [42] = (TurnOutcome.Failed, FailureReasons.Config),
        [44] = (TurnOutcome.Failed, FailureReasons.Config),
        [52] = (TurnOutcome.Failed, FailureReasons.Config),
        [53] = (TurnOutcome.Failed, FailureReasons.MaxTurns),
        [54] = (TurnOutcome.Failed, FailureReasons.ToolError),
        [55] = (TurnOutcome.Failed, FailureReasons.Config),
        [130] = (TurnOutcome.Interrupted, FailureReasons.Aborted),
    };

    public static (TurnOutcome Outcome, string Reason) Read(int exitCode) => Known.TryGetValue(exitCode, out var known)
        ? known
        : exitCode == 1 ? (TurnOutcome.Failed, FailureReasons.Crash) : (TurnOutcome.Failed, FailureReasons.ApiError);
}
