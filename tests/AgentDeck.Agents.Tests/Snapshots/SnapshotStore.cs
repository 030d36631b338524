namespace AgentDeck.Agents.Tests.Snapshots;

/// <summary>Where the snapshots live: the repo's tests/fixtures/parse-snapshots, found upward from the test binaries.</summary>
internal static class SnapshotStore
{
    public const string UpdateVariable = "AGENTDECK_UPDATE_SNAPSHOTS";

    public static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static string PathOf(string agentName) => Path.Combine(Directory, agentName + ".jsonl");

    private static string Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "AgentDeck.sln")))
                {
                    return Path.Combine(dir.FullName, "tests", "fixtures", "parse-snapshots");
                }
            }

            throw new DirectoryNotFoundException($"no AgentDeck.sln above {AppContext.BaseDirectory}: run the tests from the repo");
        }
    }
}
