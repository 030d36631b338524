using AgentDeck.Core;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Drivers.Shared;

/// <summary>The process spec every worker shares: its own session, the launch's directory and profile environment.</summary>
internal static class WorkerSpec
{
    public static ProcessSpec Build(WorkerLaunch launch, AgentDriverOptions options, IReadOnlyList<string> arguments, StdinMode stdin) =>
        Build(launch, options, arguments, stdin, launch.Environment);

    public static ProcessSpec Build(
        WorkerLaunch launch,
        AgentDriverOptions options,
        IReadOnlyList<string> arguments,
        StdinMode stdin,
        IReadOnlyDictionary<string, string?> environment)
    {
        var program = AgentProgram.For(launch.Agent);
        var fileName = options.Programs.TryGetValue(launch.Agent, out var custom) ? custom : program.FileName;
        return new ProcessSpec(fileName, arguments)
        {
            WorkingDirectory = launch.WorkingDirectory,
            Environment = environment,
            Stdin = stdin,
            // A worker outlives the front end's terminal and is signalled as a group (SIGINT reaches its tools too).
            Grouping = ProcessGrouping.NewSession,
            InstallHint = program.InstallHint,
        };
    }
}
