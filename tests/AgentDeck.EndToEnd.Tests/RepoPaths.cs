namespace AgentDeck.EndToEnd.Tests;

public static class RepoPaths
{
    /// <summary>The repository root: the nearest folder above the test binaries that holds AgentDeck.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AgentDeck.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no AgentDeck.sln above {AppContext.BaseDirectory}");
    }
}
