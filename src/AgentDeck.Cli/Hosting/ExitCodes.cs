namespace AgentDeck.Cli.Hosting;

/// <summary>Process exit codes every verb shares.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int Usage = 2;
    public const int Timeout = 124;
}
