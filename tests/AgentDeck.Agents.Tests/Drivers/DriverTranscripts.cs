using System.Text;

namespace AgentDeck.Agents.Tests.Drivers;

/// <summary>Lines of the recorded runs (the repo copy under tests/fixtures/transcripts, copied beside the tests).</summary>
internal static class DriverTranscripts
{
    public static IReadOnlyList<string> Lines(string name) =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "transcripts", name), Encoding.UTF8)
            .Where(line => line.Length > 0)
            .ToList();
}
