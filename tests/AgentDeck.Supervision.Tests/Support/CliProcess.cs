using AgentDeck.Core.Processes;
using AgentDeck.Processes;

namespace AgentDeck.Supervision.Tests.Support;

/// <summary>Runs the built agentdeck as a real process against a private state folder (and an optional extra PATH entry).</summary>
internal static class CliProcess
{
    public static async Task<ProcessResult> RunAsync(TempState state, string? extraPath, params string[] arguments)
    {
        var spec = ProcessSpec.For("dotnet", [BuiltCli.Dll, .. arguments]) with
        {
            WorkingDirectory = state.Directory,
            Environment = new Dictionary<string, string?>
            {
                ["AGENTDECK_HOME"] = state.Directory,
                ["HOME"] = state.Directory,
                ["PATH"] = (extraPath is null ? "" : extraPath + ":") + Environment.GetEnvironmentVariable("PATH"),
                ["AGENTDECK_HOST_IDLE_SECONDS"] = "0.5",
            },
        };
        return await new ProcessRunner().RunAsync(spec, null, TimeSpan.FromMinutes(2));
    }
}
