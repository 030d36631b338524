namespace AgentDeck.Agents.Tests.Snapshots;

/// <summary>
/// The exit code each recorded run ended with (agent-protocols.md §1-§4 and the transcript names): API errors exit 1
/// (Gemini: the HTTP code mod 256), Claude's max-turns exits 1, a SIGINT-ed Codex exits 1, the Gemini run killed by
/// timeout got SIGTERM (143); every other run exited 0.
/// </summary>
internal static class FixtureExitCodes
{
    private static readonly Dictionary<string, int> Known = new(StringComparer.Ordinal)
    {
        ["gemini-07-err400.ndjson"] = 144,
        ["gemini-07-err500-killed-by-timeout.ndjson"] = 143,
        ["claude-08-maxturns.ndjson"] = 1,
        ["codex-09-sigint.ndjson"] = 1,
    };

    public static int For(string transcript) =>
        Known.TryGetValue(transcript, out var code) ? code
        : transcript.Contains("-07-err", StringComparison.Ordinal) ? 1
        : 0;
}
