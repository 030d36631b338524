using System.Diagnostics.CodeAnalysis;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Storage;
using AgentDeck.MockModel;
using AgentDeck.MockModel.Scenarios;
using AgentDeck.Toml;

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
        exitCode = ExitCodes.Failure;
        message = error switch
        {
            LedgerException ledger => ledger.Message,
            TomlException toml => toml.Message,
            ProcessStartException start => start.Message,
            MockModelException mock => mock.Message,
            ScenarioFormatException scenario => scenario.Message,
            _ => null,
        };
        return message is not null;
    }
}
