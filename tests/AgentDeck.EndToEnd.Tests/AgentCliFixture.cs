using AgentDeck.MockModel;

namespace AgentDeck.EndToEnd.Tests;

/// <summary>
/// Once per test run: installs the pinned CLIs (tests/install-agent-clis.sh) and starts the mock model server.
/// A failed install does not skip anything: every test that asks for the CLIs fails with the script's output.
/// </summary>
public sealed class AgentCliFixture : IAsyncLifetime
{
    private InstalledClis? _clis;
    private string? _installFailure;

    public MockModelServer Mock { get; } = new();

    /// <summary>A scenario added to the built-in ones: the model never answers (for the run timeout).</summary>
    public const string HangScenario = "e2e-hang";

    /// <summary>A scenario whose model "mock-fast" always gets 500s while other models answer (for escalation).</summary>
    public const string EscalateScenario = "e2e-escalate";

    /// <summary>
    /// A scenario of model calls costing $0.42 each at claude-opus-5-5's list price (100,000 input and 1,000 output
    /// tokens), each a short command, streamed slowly so a budget stop lands inside a call.
    /// </summary>
    public const string CostlyCallsScenario = "e2e-costly-calls";

    /// <summary>The mock's root URL without a trailing slash (Claude appends /v1/messages).</summary>
    public string MockUrl => Mock.BaseUrl.GetLeftPart(UriPartial.Authority);

    public InstalledClis Clis => _clis ?? throw new InvalidOperationException(_installFailure ?? "the agent CLIs were not installed");

    public async Task InitializeAsync()
    {
        var scenarios = Path.Combine(Path.GetTempPath(), $"agentdeck-e2e-scenarios-{Environment.ProcessId}.yaml");
        await File.WriteAllTextAsync(scenarios, $$"""
            scenarios:
              - name: {{HangScenario}}
                description: The model never answers within a test's lifetime.
                steps:
                  - delay_ms: 600000
                    reply:
                      - text: too late
              - name: bench-write
                description: A bench task done right (writes greeting.txt).
                steps:
                  - reply:
                      - write: { path: greeting.txt, content: "hello from the bench\n" }
                  - reply:
                      - text: Created greeting.txt.
              - name: bench-wrong
                description: A bench task the agent claims done without changing anything (its check fails).
                steps:
                  - reply:
                      - text: Fixed the bug in calc.py.
              - name: bench-answer
                description: A bench task answered in text.
                steps:
                  - reply:
                      - text: BANANA
              - name: {{EscalateScenario}}
                description: The fast model always fails with 500s; any other model (the fallback) answers.
                models:
                  mock-fast: { status: 500 }
                steps:
                  - reply:
                      - text: Done by the fallback model.
              - name: {{CostlyCallsScenario}}
                description: Costly model calls, one short command each, then an answer.
                steps:
                  - chunk_delay_ms: 150
                    usage: { input_tokens: 100000, output_tokens: 1000, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }
                    reply:
                      - bash: { command: sleep 1; echo step, description: One step }
                  - chunk_delay_ms: 150
                    usage: { input_tokens: 100000, output_tokens: 1000, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }
                    reply:
                      - bash: { command: sleep 1; echo step, description: One step }
                  - chunk_delay_ms: 150
                    usage: { input_tokens: 100000, output_tokens: 1000, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }
                    reply:
                      - bash: { command: sleep 1; echo step, description: One step }
                  - chunk_delay_ms: 150
                    usage: { input_tokens: 100000, output_tokens: 1000, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }
                    reply:
                      - bash: { command: sleep 1; echo step, description: One step }
                  - chunk_delay_ms: 150
                    usage: { input_tokens: 100000, output_tokens: 1000, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }
                    reply:
                      - bash: { command: sleep 1; echo step, description: One step }
                  - reply:
                      - text: All steps done.
            """);
        await Mock.StartAsync(new MockModelOptions { ScenarioFiles = [scenarios] });
        var script = Path.Combine(RepoPaths.Root, "tests", "install-agent-clis.sh");
        var result = await ChildProcess.RunAsync("bash", [script], RepoPaths.Root, new Dictionary<string, string>(), TimeSpan.FromMinutes(15));
        var paths = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
        if (result.ExitCode == 0 && paths.TryGetValue("claude", out var claude) && paths.TryGetValue("codex", out var codex))
        {
            _clis = new InstalledClis(claude, codex);
        }
        else
        {
            _installFailure = "tests/install-agent-clis.sh failed, so the end-to-end tests cannot run:\n" + result.Describe();
        }
    }

    public async Task DisposeAsync() => await Mock.DisposeAsync();
}
