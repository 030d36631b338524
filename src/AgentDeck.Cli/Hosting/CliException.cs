namespace AgentDeck.Cli.Hosting;

/// <summary>A user-facing error: printed as one line naming the problem and the fix, never with a stack trace.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(message, ExitCodes.Usage);
}
