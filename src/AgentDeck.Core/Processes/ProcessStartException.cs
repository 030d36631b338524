namespace AgentDeck.Core.Processes;

/// <summary>
/// A program could not be started. The message is one line naming the program and how to fix it, fit to show a user
/// as is (no stack trace).
/// </summary>
public sealed class ProcessStartException : Exception
{
    public ProcessStartException(string fileName, string message, Exception? innerException = null)
        : base(message, innerException) => FileName = fileName;

    /// <summary>The program as the caller named it.</summary>
    public string FileName { get; }

    /// <summary>The message for a program that is not on PATH, using the spec's install hint when it has one.</summary>
    public static ProcessStartException NotInstalled(ProcessSpec spec) => new(spec.FileName,
        spec.InstallHint is { Length: > 0 } hint
            ? $"{spec.FileName} is not installed: {hint}"
            : $"{spec.FileName} is not installed: install it or add its directory to PATH");
}
