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
        if (options.Commands.TryGetValue(launch.Agent, out var command) && command.Count > 0)
        {
            return Spec(command[0], [.. command.Skip(1), .. arguments], launch, stdin, environment, program);
        }

        return Spec(options.Programs.TryGetValue(launch.Agent, out var custom) ? custom : program.FileName, arguments, launch, stdin, environment, program);
    }

    private static ProcessSpec Spec(
        string fileName,
        IReadOnlyList<string> arguments,
        WorkerLaunch launch,
        StdinMode stdin,
        IReadOnlyDictionary<string, string?> environment,
        AgentProgram program) =>
        new ProcessSpec(fileName, arguments)
        {
            WorkingDirectory = launch.WorkingDirectory,
            Environment = environment,
            Stdin = stdin,
            // A worker outlives the front end's terminal and is signalled as a group (SIGINT reaches its tools too).
            Grouping = ProcessGrouping.NewSession,
            InstallHint = program.InstallHint,
        };
}
