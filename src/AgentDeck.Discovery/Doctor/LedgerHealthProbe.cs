using Microsoft.Data.Sqlite;

namespace AgentDeck.Discovery.Doctor;

/// <summary>
/// Checks the run ledger without changing it: missing is fine (it is created on the first run) as long as its folder
/// can be created; present means it must open read-only and pass SQLite's quick_check.
/// </summary>
public static class LedgerHealthProbe
{
    public const string CheckName = "ledger";

    public static DoctorCheck Check(string ledgerPath)
    {
        if (!File.Exists(ledgerPath))
        {
            var folder = Path.GetDirectoryName(ledgerPath) ?? ".";
            return CanCreateIn(folder)
                ? new DoctorCheck(CheckName, DoctorStatus.Ok, null, ledgerPath, "not created yet; the first run creates it", null)
                : new DoctorCheck(CheckName, DoctorStatus.Error, null, ledgerPath, $"cannot create {folder}",
                    "make the folder writable, or set AGENTDECK_HOME to a writable folder");
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = ledgerPath, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 2,
        }.ToString();
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA quick_check;";
            var result = Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
            var size = new FileInfo(ledgerPath).Length;
            return result == "ok"
                ? new DoctorCheck(CheckName, DoctorStatus.Ok, null, ledgerPath, $"healthy ({size / 1024} KiB)", null)
                : new DoctorCheck(CheckName, DoctorStatus.Error, null, ledgerPath, $"integrity check failed: {result}",
                    "move the file aside to start a fresh ledger (past runs stay in the moved file)");
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 5 or 6)
        {
            return new DoctorCheck(CheckName, DoctorStatus.Warning, null, ledgerPath, "busy: another AgentDeck is writing", "run doctor again in a moment");
        }
        catch (SqliteException exception)
        {
            return new DoctorCheck(CheckName, DoctorStatus.Error, null, ledgerPath, $"cannot be read: {exception.Message}",
                "move the file aside to start a fresh ledger");
        }
    }

    private static bool CanCreateIn(string folder)
    {
        var existing = folder;
        while (!Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing);
            if (string.IsNullOrEmpty(existing))
            {
                return false;
            }
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode userWrite = UnixFileMode.UserWrite;
        return (File.GetUnixFileMode(existing) & userWrite) != 0;
    }
}
