using Microsoft.Data.Sqlite;

namespace AgentDeck.Discovery.Tests.Support;

/// <summary>Builds a CC-Switch database with the real schema (agent-protocols.md §5, schema v17).</summary>
public static class CcSwitchDatabase
{
    public const string ProvidersTable = """
        CREATE TABLE providers (
            id TEXT NOT NULL, app_type TEXT NOT NULL, name TEXT NOT NULL, settings_config TEXT NOT NULL,
            website_url TEXT, category TEXT, created_at INTEGER, sort_index INTEGER, notes TEXT, icon TEXT, icon_color TEXT,
            meta TEXT NOT NULL DEFAULT '{}', is_current BOOLEAN NOT NULL DEFAULT 0, in_failover_queue BOOLEAN NOT NULL DEFAULT 0,
            PRIMARY KEY (id, app_type));
        """;

    public const string OtherTables = """
        CREATE TABLE provider_endpoints (id INTEGER PRIMARY KEY AUTOINCREMENT, provider_id TEXT NOT NULL, app_type TEXT NOT NULL, url TEXT NOT NULL, added_at INTEGER);
        CREATE TABLE mcp_servers (id TEXT PRIMARY KEY, name TEXT NOT NULL, server_config TEXT NOT NULL);
        CREATE TABLE prompts (id TEXT NOT NULL, app_type TEXT NOT NULL, name TEXT NOT NULL, content TEXT NOT NULL, PRIMARY KEY (id, app_type));
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE profiles (id TEXT PRIMARY KEY, name TEXT NOT NULL, payload TEXT NOT NULL, sort_order INTEGER, created_at INTEGER, updated_at INTEGER);
        """;

    public static string Create(string path, int userVersion = 17, bool withProviders = true)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var connection = Open(path);
        Execute(connection, (withProviders ? ProvidersTable : string.Empty) + OtherTables + $"PRAGMA user_version = {userVersion};");
        return path;
    }

    public static void AddProvider(string path, string id, string appType, string name, string settingsConfig, bool isCurrent = false)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO providers (id, app_type, name, settings_config, is_current, sort_index) VALUES ($id, $app, $name, $settings, $current, 0);";
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$app", appType);
        command.Parameters.AddWithValue("$name", name);
        command.Parameters.AddWithValue("$settings", settingsConfig);
        command.Parameters.AddWithValue("$current", isCurrent ? 1 : 0);
        command.ExecuteNonQuery();
    }

    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
