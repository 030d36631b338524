using System.Diagnostics.CodeAnalysis;

namespace AgentDeck.Cli.Hosting;

/// <summary>Decides which exceptions are the user's to fix (one line, no stack trace) and with which exit code.</summary>
public static class UserErrors
{
    public static bool TryDescribe(Exception error, [NotNullWhen(true)] out string? message, out int exitCode)
    {
        switch (error)
        {
            case CliException cli:
                message = cli.Message;
                exitCode = cli.ExitCode;
                return true;
            case FileNotFoundException notFound:
                message = $"file not found: {notFound.FileName ?? notFound.Message}; check the path";
                exitCode = ExitCodes.Failure;
                return true;
            case DirectoryNotFoundException missingDirectory:
                message = $"{missingDirectory.Message} Check the path.";
                exitCode = ExitCodes.Failure;
                return true;
            case UnauthorizedAccessException denied:
                message = $"{denied.Message} Check the file's permissions.";
                exitCode = ExitCodes.Failure;
                return true;
            default:
                return TryDescribeAdapterError(error, out message, out exitCode);
        }
    }

    private static bool TryDescribeAdapterError(Exception error, [NotNullWhen(true)] out string? message, out int exitCode)
    {
        message = null;
        exitCode = ExitCodes.Failure;
        return false;
    }
}
