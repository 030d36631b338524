namespace AgentDeck.Ledger.Tests.Support;

/// <summary>The repo's copy of real agent transcripts (tests/fixtures/transcripts).</summary>
internal static class Fixtures
{
    public static string TranscriptsDirectory { get; } = Find();

    public static IEnumerable<string> Transcripts() =>
        Directory.EnumerateFiles(TranscriptsDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "fixtures", "transcripts");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/fixtures/transcripts not found above " + AppContext.BaseDirectory);
    }
}
