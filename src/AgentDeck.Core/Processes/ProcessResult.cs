namespace AgentDeck.Core.Processes;

/// <summary>The outcome of a short command run to completion (or killed at its timeout).</summary>
/// <param name="ExitCode">The exit code; <c>128 + N</c> when killed by signal N.</param>
/// <param name="Stdout">Everything written to stdout, decoded as UTF-8.</param>
/// <param name="Stderr">Everything written to stderr, decoded as UTF-8.</param>
/// <param name="TimedOut">True when the command outlived its timeout and was killed.</param>
public sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public bool Succeeded => ExitCode == 0 && !TimedOut;

    public ProcessExitStatus Status => new(ExitCode);
}
