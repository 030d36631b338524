using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Processes;
using AgentDeck.Discovery.Bench;

namespace AgentDeck.Cli.Commands.BenchModel;

/// <summary>
/// Makes each task's own scratch git repository under one bench folder: the task's files, committed once, so the
/// agent works in a clean repo and the check sees only what the agent did. Git runs through the process runner.
/// </summary>
public sealed class BenchScratchRepos(IProcessRunner runner, string root)
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(1);

    public string Root { get; } = root;

    public async Task<string> CreateAsync(BenchTask task, CancellationToken cancellationToken)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Root, task.Name)).FullName;
        foreach (var (path, content) in task.Files)
        {
            var file = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, content, cancellationToken).ConfigureAwait(false);
        }

        await GitAsync(folder, ["init", "-q"], cancellationToken).ConfigureAwait(false);
        await GitAsync(folder, ["add", "-A"], cancellationToken).ConfigureAwait(false);
        await GitAsync(folder,
            ["-c", "user.name=agentdeck bench", "-c", "user.email=bench@agentdeck.invalid", "-c", "commit.gpgsign=false",
             "commit", "-q", "--allow-empty", "-m", $"bench task {task.Name}"],
            cancellationToken).ConfigureAwait(false);
        return folder;
    }

    private async Task GitAsync(string folder, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await runner.RunAsync(ProcessSpec.For("git", arguments) with { WorkingDirectory = folder }, null, GitTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new CliException($"git {arguments[0]} failed in the scratch repo {folder}: {result.Stderr.Trim()}");
        }
    }
}
