using AgentDeck.Core;

namespace AgentDeck.Benchmarks;

/// <summary>The real stdout transcripts of one agent, from tests/fixtures/transcripts (stdin logs excluded).</summary>
public static class TranscriptFiles
{
    public static IReadOnlyList<string> For(AgentKind agent)
    {
        var folder = Locate();
        return Directory.GetFiles(folder, agent.ToName() + "-*.ndjson")
            .Where(f => !f.EndsWith(".stdin.ndjson", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One transcript by file name.</summary>
    public static string Named(string fileName) => Path.Combine(Locate(), fileName);

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "transcripts");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/fixtures/transcripts not found above " + AppContext.BaseDirectory);
    }
}
