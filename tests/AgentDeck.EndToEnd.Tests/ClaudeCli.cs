namespace AgentDeck.EndToEnd.Tests;

/// <summary>Runs the real Claude Code in print mode with stream-json output against the mock.</summary>
public static class ClaudeCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    public static Task<ProcessResult> RunAsync(AgentCliFixture fixture, Sandbox sandbox, string prompt, params string[] extraArguments)
    {
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = sandbox.Home,
            ["ANTHROPIC_BASE_URL"] = fixture.MockUrl,
            ["ANTHROPIC_API_KEY"] = "sk-test",
            ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
            ["DISABLE_AUTOUPDATER"] = "1",
            ["CLAUDE_CODE_MAX_RETRIES"] = "2",
        };
        string[] arguments = ["-p", prompt, "--output-format", "stream-json", "--verbose", .. extraArguments];
        return ChildProcess.RunAsync(fixture.Clis.Claude, arguments, sandbox.Repo, environment, Timeout);
    }
}
