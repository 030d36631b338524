using System.Text;
using System.Text.Json;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>A run as one JSON object (snake_case), for <c>--json</c> output and <c>wait</c>'s result.</summary>
public static class RunJson
{
    public static string Write(RunRecord run, string? phase = null)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("run_id", run.Id);
            json.WriteString("agent", run.Agent);
            Optional(json, "role", run.Role);
            Optional(json, "model", run.Model);
            json.WriteString("status", run.Status.ToName());
            Optional(json, "phase", phase);
            Optional(json, "failure_reason", run.FailureReason);
            Optional(json, "session_id", run.SessionId);
            Optional(json, "parent_run", run.ParentRun);
            Optional(json, "cwd", run.Cwd);
            json.WriteString("started_at", run.StartedAt);
            if (run.EndedAt is { } ended)
            {
                json.WriteString("ended_at", ended);
            }

            if (run.ExitCode is { } exit)
            {
                json.WriteNumber("exit_code", exit);
            }

            Optional(json, "final_text", run.FinalText);
            json.WriteStartObject("tokens");
            json.WriteNumber("input", run.Tokens.Input);
            json.WriteNumber("cached_input", run.Tokens.CachedInput);
            json.WriteNumber("cache_write", run.Tokens.CacheWrite);
            json.WriteNumber("output", run.Tokens.Output);
            json.WriteNumber("reasoning", run.Tokens.Reasoning);
            json.WriteEndObject();
            if (run.CostUsd is { } cost)
            {
                json.WriteNumber("cost_usd", cost);
            }
            else
            {
                json.WriteNull("cost_usd");
            }

            json.WriteNumber("tool_calls", run.ToolCalls);
            json.WriteStartArray("files_touched");
            foreach (var file in run.FilesTouched)
            {
                json.WriteStringValue(file);
            }

            json.WriteEndArray();
            json.WriteNumber("events", run.EventCount);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }
}
