namespace AgentDeck.Core.Storage;

/// <summary>
/// A ledger problem a person can act on. <see cref="Exception.Message"/> is one line that names the problem and the
/// fix; front ends print it as is, without a stack trace.
/// </summary>
public sealed class LedgerException : Exception
{
    public LedgerException(LedgerProblem problem, string message, Exception? inner = null)
        : base(message, inner) => Problem = problem;

    public LedgerProblem Problem { get; }
}
