using System.Text.Json;
using System.Text.Json.Nodes;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Drivers.OpenCode;

/// <summary>
/// OpenCode allows bash, write and edit by default (agent-protocols.md §4) and has no read-only flag. A read-only
/// worker gets <c>OPENCODE_CONFIG_CONTENT</c>, the inline config OpenCode merges last over every config file, denying
/// edit (which covers write and patch), bash and task (a subagent could edit). The user's files stay untouched; a
/// profile's own inline config is kept and only its permissions for those tools are overridden.
/// </summary>
public static class OpenCodeReadOnly
{
    public const string ConfigVariable = "OPENCODE_CONFIG_CONTENT";

    public static IReadOnlyList<string> DeniedPermissions { get; } = ["edit", "bash", "task"];

    public static IReadOnlyDictionary<string, string?> Environment(WorkerLaunch launch)
    {
        if (launch.Write)
        {
            return launch.Environment;
        }

        var environment = new Dictionary<string, string?>(launch.Environment, StringComparer.Ordinal);
        environment.TryGetValue(ConfigVariable, out var profileConfig);
        environment[ConfigVariable] = WithDeniedPermissions(profileConfig);
        return environment;
    }

    public static string WithDeniedPermissions(string? inlineConfig)
    {
        var config = ParseObject(inlineConfig) ?? [];
        if (config["permission"] is not JsonObject permission)
        {
            permission = [];
            config["permission"] = permission;
        }

        foreach (var tool in DeniedPermissions)
        {
            permission[tool] = "deny";
        }

        return config.ToJsonString();
    }

    private static JsonObject? ParseObject(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
