using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using Microsoft.Data.Sqlite;

namespace AgentDeck.Ledger;

/// <summary>The runs columns in one place: the SELECT list and the mapping from a row, kept side by side.</summary>
internal static class RunRows
{
    public const string Columns = """
        id, agent, role, model, profile, cwd, repo, prompt, status, failure_reason, pid, started_at, ended_at, exit_code,
        tokens_input, tokens_cached_input, tokens_cache_write, tokens_output, tokens_reasoning, cost_usd, parent_run, team,
        session_id, final_text, tool_calls, files_touched, event_count, updated_at, cost_estimate, denied_tool_calls, route_agent,
        route_model, route_profile, route_reason, agent_pid
        """;

    public static RunRecord Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Agent = r.GetString(1),
        Role = Text(r, 2),
        Model = Text(r, 3),
        Profile = Text(r, 4),
        Cwd = Text(r, 5),
        Repo = Text(r, 6),
        Prompt = Text(r, 7),
        // Statuses are part of the schema; a name this build does not know cannot come from a schema it accepted.
        Status = RunStatuses.TryParse(r.GetString(8), out var status) ? status : RunStatus.Lost,
        // An empty reason is how an update clears one (COALESCE keeps a null); it reads as no reason.
        FailureReason = Text(r, 9) is { Length: > 0 } reason ? reason : null,
        Pid = r.IsDBNull(10) ? null : r.GetInt32(10),
        StartedAt = Time(r.GetInt64(11)),
        EndedAt = r.IsDBNull(12) ? null : Time(r.GetInt64(12)),
        ExitCode = r.IsDBNull(13) ? null : r.GetInt32(13),
        Tokens = new TokenUsage(r.GetInt64(14), r.GetInt64(15), r.GetInt64(16), r.GetInt64(17), r.GetInt64(18)),
        CostUsd = r.IsDBNull(19) ? null : (decimal)r.GetDouble(19),
        ParentRun = Text(r, 20),
        Team = Text(r, 21),
        SessionId = Text(r, 22),
        FinalText = Text(r, 23),
        ToolCalls = r.GetInt32(24),
        FilesTouched = FileList.FromJson(Text(r, 25)),
        EventCount = r.GetInt64(26),
        UpdatedAt = Time(r.GetInt64(27)),
        CostEstimate = CostEstimates.Parse(Text(r, 28)),
        DeniedToolCalls = r.GetInt32(29),
        Route = Text(r, 30) is { } agent ? new RunRoute(agent, Text(r, 31), Text(r, 32), Text(r, 33) ?? string.Empty) : null,
        AgentPid = r.IsDBNull(34) ? null : r.GetInt32(34),
    };

    public static DateTimeOffset Time(long unixMillis) => DateTimeOffset.FromUnixTimeMilliseconds(unixMillis);

    private static string? Text(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
