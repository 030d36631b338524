namespace AgentDeck.EndToEnd.Tests;

/// <summary>How a child process ended, with everything it printed.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    /// <summary>A one-paragraph account for assertion messages.</summary>
    public string Describe() =>
        $"{Command}\nexit {(TimedOut ? "(timed out, killed)" : ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture))}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
