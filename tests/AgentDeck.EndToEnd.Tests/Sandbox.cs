namespace AgentDeck.EndToEnd.Tests;

/// <summary>A throw-away HOME and a scratch git repository (with one commit) for one test.</summary>
public sealed class Sandbox : IDisposable
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(1);

    private Sandbox(string root)
    {
        Root = root;
        Home = Directory.CreateDirectory(Path.Combine(root, "home")).FullName;
        Repo = Directory.CreateDirectory(Path.Combine(root, "repo")).FullName;
    }

    public string Root { get; }

    public string Home { get; }

    public string Repo { get; }

    private static string Base => Path.Combine(Path.GetTempPath(), "agentdeck-e2e");

    public static async Task<Sandbox> CreateAsync()
    {
        var sandbox = new Sandbox(Directory.CreateDirectory(Path.Combine(Base, Guid.NewGuid().ToString("N")[..12])).FullName);
        await File.WriteAllTextAsync(Path.Combine(sandbox.Repo, "README.md"), "# scratch\n");
        await sandbox.GitAsync("init", "-q", "-b", "main");
        await sandbox.GitAsync("add", "README.md");
        await sandbox.GitAsync("-c", "user.name=AgentDeck Tests", "-c", "user.email=tests@agentdeck.invalid", "commit", "-q", "-m", "scratch");
        return sandbox;
    }

    public string ReadRepoFile(string name) => File.ReadAllText(Path.Combine(Repo, name));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A CLI may still be flushing its state; the folder is git-ignored and harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Codex's sandbox leaves read-only mount points behind.
        }
    }

    private async Task GitAsync(params string[] arguments)
    {
        var result = await ChildProcess.RunAsync("git", arguments, Repo, new Dictionary<string, string> { ["HOME"] = Home }, GitTimeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("git failed while preparing the scratch repo:\n" + result.Describe());
        }
    }
}
