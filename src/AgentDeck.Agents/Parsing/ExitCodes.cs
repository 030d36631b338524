namespace AgentDeck.Agents.Parsing;

/// <summary>How a process exit code reads when a stream ends with a turn still open.</summary>
internal static class ExitCodes
{
    /// <summary>
    /// True when the process was stopped from outside: unknown exit (killed, detached), SIGHUP/SIGINT/SIGKILL/SIGTERM
    /// as 128+n, or a negative .NET code. The supervisor knows whether it was a timeout and can say so itself.
    /// </summary>
    public static bool IsStoppedBySignal(int? exitCode) => exitCode is null or < 0 or 129 or 130 or 137 or 143;

    public static string Describe(int? exitCode) => exitCode is { } code ? $"exit code {code}" : "unknown exit code";
}
