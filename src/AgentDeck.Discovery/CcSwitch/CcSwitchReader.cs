using System.Text.Json;
using AgentDeck.Core;
using AgentDeck.Discovery.Environment;
using AgentDeck.Discovery.Json;
using AgentDeck.Discovery.Profiles;
using Microsoft.Data.Sqlite;

namespace AgentDeck.Discovery.CcSwitch;

/// <summary>
/// Reads CC-Switch's providers: ~/.cc-switch/cc-switch.db opened strictly read-only (never written, never migrated),
/// the current provider per app from ~/.cc-switch/settings.json (which outranks the database flag), and the legacy
/// config.json only when no database exists. Every failure becomes a warning; nothing here throws for bad input.
/// </summary>
public sealed class CcSwitchReader(DiscoveryEnvironment environment, TimeSpan? busyTimeout = null)
{
    /// <summary>The schema version of farion1231/cc-switch @ 5ca9459 (agent-protocols.md §5).</summary>
    public const int KnownSchemaVersion = 17;

    private static readonly string[] RequiredColumns = ["id", "app_type", "name", "settings_config"];
    private readonly TimeSpan timeout = busyTimeout ?? TimeSpan.FromSeconds(2);

    public string DatabasePath => Path.Combine(environment.CcSwitchDirectory, "cc-switch.db");

    public string SettingsPath => Path.Combine(environment.CcSwitchDirectory, "settings.json");

    public string LegacyConfigPath => Path.Combine(environment.CcSwitchDirectory, "config.json");

    public CcSwitchSnapshot Read(ICollection<DiscoveryWarning> warnings)
    {
        if (File.Exists(DatabasePath))
        {
            return ReadDatabase(warnings);
        }

        return File.Exists(LegacyConfigPath) ? ReadLegacyConfig(warnings) : CcSwitchSnapshot.Absent;
    }

    private CcSwitchSnapshot ReadDatabase(ICollection<DiscoveryWarning> warnings)
    {
        var current = ReadCurrentProviders(warnings);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = DataSourceFor(DatabasePath),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = Math.Max(0, (int)Math.Ceiling(timeout.TotalSeconds)),
        };

        int? version = null;
        var rows = new List<CcSwitchProviderRow>();
        try
        {
            using var connection = new SqliteConnection(builder.ToString());
            connection.Open();
            version = (int)(long)Scalar(connection, "PRAGMA user_version;")!;
            if (version > KnownSchemaVersion)
            {
                warnings.Add(DiscoveryWarning.About(DatabasePath,
                    $"CC-Switch database schema v{version} is newer than v{KnownSchemaVersion} that AgentDeck knows; reading providers anyway, update AgentDeck if something is missing"));
            }

            var columns = Columns(connection, "providers");
            if (columns.Count == 0)
            {
                warnings.Add(DiscoveryWarning.About(DatabasePath, "the CC-Switch database has no providers table; CC-Switch providers are skipped (open CC-Switch once to create it)"));
                return new CcSwitchSnapshot(DatabasePath, version, []);
            }

            var missing = RequiredColumns.Where(column => !columns.Contains(column)).ToList();
            if (missing.Count > 0)
            {
                warnings.Add(DiscoveryWarning.About(DatabasePath,
                    $"the providers table lacks column(s) {string.Join(", ", missing)}; CC-Switch providers are skipped"));
                return new CcSwitchSnapshot(DatabasePath, version, []);
            }

            rows.AddRange(ReadRows(connection, columns.Contains("is_current")));
        }
        catch (SqliteException exception)
        {
            warnings.Add(DiscoveryWarning.About(DatabasePath, Describe(exception)));
            return new CcSwitchSnapshot(DatabasePath, version, []);
        }

        return new CcSwitchSnapshot(DatabasePath, version, Interpret(rows, current, ProfileSource.CcSwitch, DatabasePath, warnings));
    }

    /// <summary>
    /// A WAL database whose -wal file is gone (CC-Switch closed, everything checkpointed) is opened as immutable:
    /// otherwise even a read-only connection leaves fresh -wal and -shm files beside the user's database.
    /// </summary>
    private static string DataSourceFor(string path)
    {
        var idleWal = IsWalMode(path) && !File.Exists(path + "-wal");
        return idleWal ? new Uri(Path.GetFullPath(path)).AbsoluteUri + "?immutable=1" : path;
    }

    private static bool IsWalMode(string path)
    {
        const int formatVersionOffset = 18;
        const byte walFormat = 2;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var header = new byte[formatVersionOffset + 2];
            return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
                   && header[formatVersionOffset] == walFormat && header[formatVersionOffset + 1] == walFormat;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static IEnumerable<CcSwitchProviderRow> ReadRows(SqliteConnection connection, bool hasCurrentFlag)
    {
        using var command = connection.CreateCommand();
        var flag = hasCurrentFlag ? "is_current" : "0";
        command.CommandText = $"SELECT id, app_type, name, settings_config, {flag} FROM providers ORDER BY app_type, name;";
        using var reader = command.ExecuteReader();
        var rows = new List<CcSwitchProviderRow>();
        while (reader.Read())
        {
            rows.Add(new CcSwitchProviderRow(
                Text(reader, 0),
                Text(reader, 1),
                Text(reader, 2),
                reader.IsDBNull(3) ? "{}" : Text(reader, 3),
                !reader.IsDBNull(4) && Convert.ToInt64(reader.GetValue(4), System.Globalization.CultureInfo.InvariantCulture) != 0));
        }

        return rows;
    }

    private CcSwitchSnapshot ReadLegacyConfig(ICollection<DiscoveryWarning> warnings)
    {
        if (JsonFiles.TryReadFile(LegacyConfigPath, warnings) is not { ValueKind: JsonValueKind.Object } root)
        {
            return new CcSwitchSnapshot(LegacyConfigPath, null, []);
        }

        if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || version.GetInt32() != 2)
        {
            warnings.Add(DiscoveryWarning.About(LegacyConfigPath, "only the v2 CC-Switch config.json format is understood (CC-Switch rejects v1 too); providers skipped"));
            return new CcSwitchSnapshot(LegacyConfigPath, null, []);
        }

        var current = ReadCurrentProviders(warnings);
        var rows = new List<CcSwitchProviderRow>();
        foreach (var appType in CcSwitchApps.AppTypes)
        {
            if (root.Object(appType) is not { } app || app.Object("providers") is not { } providers)
            {
                continue;
            }

            var currentId = app.String("current");
            foreach (var provider in providers.EnumerateObject())
            {
                var settings = provider.Value.ValueKind == JsonValueKind.Object && provider.Value.TryGetProperty("settingsConfig", out var config)
                    ? config.GetRawText()
                    : "{}";
                var name = provider.Value.String("name") ?? provider.Name;
                rows.Add(new CcSwitchProviderRow(provider.Name, appType, name, settings, provider.Name == currentId));
            }
        }

        return new CcSwitchSnapshot(LegacyConfigPath, null, Interpret(rows, current, ProfileSource.CcSwitchLegacyConfig, LegacyConfigPath, warnings));
    }

    private static List<DiscoveredProfile> Interpret(
        IEnumerable<CcSwitchProviderRow> rows,
        IReadOnlyDictionary<AgentKind, string> currentFromSettings,
        ProfileSource source,
        string path,
        ICollection<DiscoveryWarning> warnings)
    {
        var profiles = new List<DiscoveredProfile>();
        foreach (var row in rows)
        {
            if (!CcSwitchApps.TryGetAgent(row.AppType, out var agent))
            {
                continue;
            }

            var isCurrent = currentFromSettings.TryGetValue(agent, out var currentId) ? currentId == row.Id : row.IsCurrentFlag;
            if (CcSwitchProviderInterpreter.ToProfile(row, agent, isCurrent, source, path, warnings) is { } profile)
            {
                profiles.Add(profile);
            }
        }

        return profiles;
    }

    private Dictionary<AgentKind, string> ReadCurrentProviders(ICollection<DiscoveryWarning> warnings)
    {
        var current = new Dictionary<AgentKind, string>();
        if (!File.Exists(SettingsPath) || JsonFiles.TryReadFile(SettingsPath, warnings) is not { ValueKind: JsonValueKind.Object } settings)
        {
            return current;
        }

        foreach (var agent in Enum.GetValues<AgentKind>())
        {
            if (settings.String(CcSwitchApps.CurrentProviderKey(agent)) is { Length: > 0 } id)
            {
                current[agent] = id;
            }
        }

        return current;
    }

    private static HashSet<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table);";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static string Text(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? string.Empty : Convert.ToString(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Describe(SqliteException exception) => exception.SqliteErrorCode switch
    {
        5 or 6 => "the CC-Switch database is locked by another program (CC-Switch may be saving); providers skipped, try again in a moment",
        26 or 11 => $"the CC-Switch database is not a readable SQLite database ({exception.Message}); providers skipped",
        14 => $"the CC-Switch database cannot be opened read-only ({exception.Message}); providers skipped",
        _ => $"cannot read the CC-Switch database: {exception.Message}",
    };
}
