using System.Text;
using AgentDeck.Core.Processes;

namespace AgentDeck.EndToEnd.Tests;

/// <summary><c>agentdeck mock-model serve --log-dir</c> under the real Claude Code: the log is the owner's, and keyless.</summary>
[Collection(AgentCliCollection.Name)]
public sealed class MockLogPrivacyTests(AgentCliFixture fixture)
{
    private const string Key = "sk-ant-e2e-very-secret-key";

    [Fact]
    public async Task Given_a_log_dir_When_claude_sends_its_api_key_Then_the_log_files_are_0600_and_hold_no_key()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var logs = Path.Combine(sandbox.Root, "mock-logs");
        var server = deck.Start("mock-model", "serve", "--port", "0", "--log-dir", logs);
        try
        {
            var url = await MockUrlAsync(server);
            var claude = await ChildProcess.RunAsync(fixture.Clis.Claude, ["-p", deck.Unique("Say hello [[S:plain]]"), "--output-format", "stream-json", "--verbose"],
                sandbox.Repo, new Dictionary<string, string>
                {
                    ["HOME"] = sandbox.Home,
                    ["ANTHROPIC_BASE_URL"] = url,
                    ["ANTHROPIC_API_KEY"] = Key,
                    ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
                    ["DISABLE_AUTOUPDATER"] = "1",
                }, ClaudeCli.Timeout);
            Assert.True(claude.ExitCode == 0, claude.Describe());

            var files = Directory.GetFiles(logs);
            Assert.NotEmpty(files);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(logs));
            foreach (var file in files)
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
                Assert.DoesNotContain("very-secret", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
            }

            Assert.Contains(files, file => File.ReadAllText(file).Contains("\"x-api-key\": \"***\"", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            await server.SignalAsync(ProcessSignal.Terminate, wholeGroup: true);
            await server.WaitForExitAsync();
            await server.DisposeAsync();
        }
    }

    /// <summary>The server's first line: "mock model server on http://127.0.0.1:PORT  (scenarios: ...)".</summary>
    private static async Task<string> MockUrlAsync(IRunningProcess server)
    {
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await foreach (var line in server.StdoutLines.WithCancellation(safetyNet.Token))
        {
            var text = Encoding.UTF8.GetString(line.Span);
            if (text.StartsWith("mock model server on ", StringComparison.Ordinal))
            {
                return text["mock model server on ".Length..].Split(' ')[0];
            }
        }

        throw new InvalidOperationException("the mock model server printed no address");
    }
}
