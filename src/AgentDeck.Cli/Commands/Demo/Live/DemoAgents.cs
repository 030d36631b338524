using System.Text.Json;
using AgentDeck.Agents.Drivers;
using AgentDeck.Cli.Commands.Run;
using AgentDeck.Cli.Commands.SimulateAgent;
using AgentDeck.Core;
using AgentDeck.MockModel;

namespace AgentDeck.Cli.Commands.Demo.Live;

/// <summary>
/// How the demo's workers reach a model: a real CLI that is installed talks to the demo's in-process mock model
/// server (Claude through ANTHROPIC_BASE_URL, Codex through a mock provider in a scratch CODEX_HOME); a CLI that is
/// missing, or every CLI with --simulate, is replaced by <c>agentdeck simulate-agent</c>. The choice reaches the
/// detached supervisors through environment variables they inherit from this process.
/// </summary>
public sealed class DemoAgents : IAsyncDisposable
{
    private static readonly AgentKind[] Supported = [AgentKind.Claude, AgentKind.Codex];
    private readonly MockModelServer? _mock;
    private readonly Dictionary<string, string?> _previous = [];

    private DemoAgents(IReadOnlyDictionary<AgentKind, bool> simulated, MockModelServer? mock, IReadOnlyDictionary<string, string> environment)
    {
        Simulated = simulated;
        _mock = mock;
        Environment = environment;
    }

    /// <summary>Per agent: true when the simulated agent stands in for it.</summary>
    public IReadOnlyDictionary<AgentKind, bool> Simulated { get; }

    /// <summary>The variables the workers need (applied to this process by <see cref="Apply"/>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public bool UsesMock => _mock is not null;

    public static async Task<DemoAgents> PrepareAsync(DemoWorkspace workspace, bool simulateAll, int paceMs, string? searchPath, CancellationToken cancellationToken)
    {
        var simulated = Supported.ToDictionary(
            agent => agent,
            agent => simulateAll || !ProgramLookup.IsInstalled(AgentProgram.For(agent).FileName, searchPath));
        var environment = new Dictionary<string, string>();
        foreach (var agent in Supported.Where(a => simulated[a]))
        {
            var self = SelfCommand.Build([SimulateAgentCommand.Name, "--agent", agent.ToName(), "--scenarios", workspace.ScenarioFile,
                "--pace-ms", paceMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--"]);
            environment[AgentDriverOptions.CommandVariable(agent)] = JsonSerializer.Serialize<string[]>([self.FileName, .. self.Arguments]);
        }

        MockModelServer? mock = null;
        if (simulated.Values.Any(s => !s))
        {
            mock = new MockModelServer();
            var url = (await mock.StartAsync(new MockModelOptions { ScenarioFiles = [workspace.ScenarioFile] }, cancellationToken).ConfigureAwait(false))
                .GetLeftPart(UriPartial.Authority);
            if (!simulated[AgentKind.Claude])
            {
                environment["ANTHROPIC_BASE_URL"] = url;
                environment["ANTHROPIC_API_KEY"] = "sk-mock";
                environment["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1";
                environment["DISABLE_AUTOUPDATER"] = "1";
                environment["CLAUDE_CONFIG_DIR"] = Directory.CreateDirectory(Path.Combine(workspace.Agents, "claude")).FullName;
            }

            if (!simulated[AgentKind.Codex])
            {
                var codexHome = Directory.CreateDirectory(Path.Combine(workspace.Agents, "codex")).FullName;
                await File.WriteAllTextAsync(Path.Combine(codexHome, "config.toml"), $"""
                    model = "gpt-5.5"
                    model_provider = "mock"

                    [model_providers.mock]
                    name = "AgentDeck demo mock"
                    base_url = "{url}/v1"
                    env_key = "MOCK_KEY"
                    wire_api = "responses"
                    request_max_retries = 1
                    stream_max_retries = 1
                    """, cancellationToken).ConfigureAwait(false);
                environment["CODEX_HOME"] = codexHome;
                environment["MOCK_KEY"] = "x";
            }
        }

        return new DemoAgents(simulated, mock, environment);
    }

    /// <summary>One line per agent saying what runs it.</summary>
    public IEnumerable<string> Describe() => Supported.Select(agent => Simulated[agent]
        ? $"  {agent.ToName(),-7} simulated agent (agentdeck simulate-agent), real {agent.ToName()} stream format"
        : $"  {agent.ToName(),-7} the real {AgentProgram.For(agent).FileName} CLI against the demo's mock model server");

    /// <summary>Sets the variables on this process, so every supervisor it starts inherits them; <see cref="DisposeAsync"/> restores them.</summary>
    public void Apply()
    {
        foreach (var (name, value) in Environment)
        {
            _previous.TryAdd(name, System.Environment.GetEnvironmentVariable(name));
            System.Environment.SetEnvironmentVariable(name, value);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (name, value) in _previous)
        {
            System.Environment.SetEnvironmentVariable(name, value);
        }

        if (_mock is not null)
        {
            await _mock.DisposeAsync().ConfigureAwait(false);
        }
    }
}
