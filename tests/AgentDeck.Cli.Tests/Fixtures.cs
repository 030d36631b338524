namespace AgentDeck.Cli.Tests;

/// <summary>The real agent transcripts copied into the test output (tests/fixtures/transcripts).</summary>
public static class Fixtures
{
    public static string Transcript(string name) => Path.Combine(AppContext.BaseDirectory, "transcripts", name);
}
