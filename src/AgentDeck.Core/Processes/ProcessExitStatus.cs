namespace AgentDeck.Core.Processes;

/// <summary>
/// How a process ended. A process killed by signal N reports <c>128 + N</c>, as shells do, and <see cref="Signal"/>
/// names N; a program that itself calls <c>exit(130)</c> looks the same, as it does in any shell.
/// </summary>
public readonly record struct ProcessExitStatus(int ExitCode)
{
    private const int SignalBase = 128;
    private const int HighestSignal = 64;

    /// <summary>The terminating signal number, or null when the process exited normally.</summary>
    public int? Signal => ExitCode > SignalBase && ExitCode <= SignalBase + HighestSignal ? ExitCode - SignalBase : null;

    public bool Succeeded => ExitCode == 0;

    public static ProcessExitStatus KilledBy(ProcessSignal signal) => new(SignalBase + (int)signal);

    public override string ToString() => Signal is { } signal ? $"killed by signal {signal}" : $"exit code {ExitCode}";
}
