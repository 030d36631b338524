using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Storage;

namespace AgentDeck.Cli.Commands.Demo.Live;

/// <summary>
/// The demo's scratch folders under one root: <c>repo</c> (a git repository with the team's first files and one
/// commit), <c>state</c> (AGENTDECK_HOME), <c>agents</c> (scratch config for real CLIs) and the scenario file.
/// </summary>
public sealed class DemoWorkspace
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(1);

    private DemoWorkspace(string root)
    {
        Root = root;
        Repo = Path.Combine(root, "repo");
        State = Path.Combine(root, "state");
        Agents = Path.Combine(root, "agents");
        ScenarioFile = Path.Combine(root, "demo-scenarios.yaml");
    }

    public string Root { get; }

    public string Repo { get; }

    public string State { get; }

    public string Agents { get; }

    public string ScenarioFile { get; }

    /// <summary>Creates the folders (a fresh temporary root when none is given) and commits the team's first files.</summary>
    public static async Task<DemoWorkspace> CreateAsync(string? root, DemoTeam team, IProcessRunner runner, CancellationToken cancellationToken)
    {
        var workspace = new DemoWorkspace(root ?? Directory.CreateTempSubdirectory("agentdeck-demo-").FullName);
        if (Directory.Exists(workspace.Repo) && Directory.EnumerateFileSystemEntries(workspace.Repo).Any())
        {
            throw CliException.Usage($"{workspace.Repo} already exists: give an empty or new folder to --dir");
        }

        Directory.CreateDirectory(workspace.Repo);
        OwnerOnly.CreateFolder(workspace.State);
        Directory.CreateDirectory(workspace.Agents);
        await File.WriteAllTextAsync(workspace.ScenarioFile, DemoResources.Text(DemoResources.Scenarios), cancellationToken).ConfigureAwait(false);
        foreach (var (name, content) in team.Repository)
        {
            var path = Path.GetFullPath(name, workspace.Repo);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, content, cancellationToken).ConfigureAwait(false);
        }

        await workspace.GitAsync(runner, cancellationToken, "init", "-q").ConfigureAwait(false);
        await workspace.GitAsync(runner, cancellationToken, "add", "-A").ConfigureAwait(false);
        await workspace.GitAsync(runner, cancellationToken, "-c", "user.name=AgentDeck demo", "-c", "user.email=demo@agentdeck.invalid",
            "commit", "-q", "-m", "The slug tool's README").ConfigureAwait(false);
        return workspace;
    }

    /// <summary><c>git status --short</c> of the scratch repository: what the team changed.</summary>
    public async Task<string> ChangesAsync(IProcessRunner runner, CancellationToken cancellationToken) =>
        (await GitAsync(runner, cancellationToken, "status", "--short", "--untracked-files=all").ConfigureAwait(false)).Stdout;

    private async Task<ProcessResult> GitAsync(IProcessRunner runner, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await runner.RunAsync(new ProcessSpec("git", arguments) { WorkingDirectory = Repo }, null, GitTimeout, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? result
            : throw new CliException($"git {string.Join(' ', arguments)} failed in {Repo}: {result.Stderr.Trim()}; check that git works here");
    }
}
