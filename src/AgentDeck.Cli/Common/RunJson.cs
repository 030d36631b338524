using System.Text.Json;
using AgentDeck.Core.Cost;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Common;

/// <summary>The one JSON shape of a run: <c>show</c>, <c>runs</c>, <c>status</c>, <c>wait</c> and <c>last</c> all print it.</summary>
public static class RunJson
{
    /// <summary>
    /// The run as one compact JSON line; <paramref name="phase"/> is the live phase a supervisor reported, if any;
    /// <paramref name="escalatedTo"/>, when the caller looked it up and found one, the run this failed run escalated to.
    /// </summary>
    public static string Write(RunRecord run, string? phase = null, string? escalatedTo = null)
    {
        using var output = new StringWriter();
        JsonOutput.Write(output, json => Write(json, run, phase, escalatedTo));
        return output.ToString().TrimEnd('\n');
    }

    /// <remarks><paramref name="failure"/>, when the caller read it (<c>show</c>), adds <c>http_status</c> and <c>failure_detail</c>.</remarks>
    public static void Write(Utf8JsonWriter json, RunRecord run, string? phase = null, string? escalatedTo = null, FailureDetail? failure = null)
    {
        json.WriteStartObject();
        json.WriteString("id", run.Id);
        json.WriteString("agent", run.Agent);
        json.WriteString("status", run.Status.ToName());
        WriteNullable(json, "phase", phase);
        WriteNullable(json, "failure_reason", run.FailureReason);
        WriteNullable(json, "session_id", run.SessionId);
        WriteNullable(json, "final_text", run.FinalText);
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

        WriteNullable(json, "cost_estimate", run.CostEstimate.ToName());

        json.WriteNumber("tool_calls", run.ToolCalls);
        json.WriteNumber("denied_tool_calls", run.DeniedToolCalls);
        json.WriteStartArray("files_touched");
        foreach (var file in run.FilesTouched)
        {
            json.WriteStringValue(file);
        }

        json.WriteEndArray();
        json.WriteNumber("events", run.EventCount);
        WriteNullable(json, "role", run.Role);
        WriteNullable(json, "model", run.Model);
        WriteNullable(json, "profile", run.Profile);
        WriteNullable(json, "cwd", run.Cwd);
        WriteNullable(json, "repo", run.Repo);
        WriteNullable(json, "prompt", run.Prompt);
        json.WriteString("started_at", run.StartedAt);
        if (run.EndedAt is { } ended)
        {
            json.WriteString("ended_at", ended);
        }
        else
        {
            json.WriteNull("ended_at");
        }

        WriteNullable(json, "exit_code", run.ExitCode);
        WriteNullable(json, "pid", run.Pid);
        WriteNullable(json, "agent_pid", run.AgentPid);
        WriteNullable(json, "parent_run", run.ParentRun);
        WriteNullable(json, "team", run.Team);
        WriteRoute(json, run.Route);
        if (escalatedTo is not null)
        {
            json.WriteString("escalated_to", escalatedTo);
        }

        if (failure is not null)
        {
            WriteNullable(json, "http_status", failure.HttpStatus);
            WriteNullable(json, "failure_detail", failure.Detail);
        }

        json.WriteEndObject();
    }

    private static void WriteRoute(Utf8JsonWriter json, RunRoute? route)
    {
        if (route is null)
        {
            json.WriteNull("route");
            return;
        }

        json.WriteStartObject("route");
        json.WriteString("agent", route.Agent);
        WriteNullable(json, "model", route.Model);
        WriteNullable(json, "profile", route.Profile);
        json.WriteString("reason", route.Reason);
        json.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
