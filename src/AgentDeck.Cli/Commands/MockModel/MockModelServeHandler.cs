using System.Runtime.InteropServices;
using AgentDeck.Cli.Hosting;
using AgentDeck.MockModel;

namespace AgentDeck.Cli.Commands.MockModel;

/// <summary>Starts the mock, prints how to point each agent CLI at it, and serves until cancelled.</summary>
public sealed class MockModelServeHandler(CliContext context)
{
    public async Task<int> RunAsync(MockModelOptions options, CancellationToken cancel)
    {
        foreach (var file in options.ScenarioFiles)
        {
            if (!File.Exists(file))
            {
                throw new CliException($"scenario file not found: {file}; check the path");
            }
        }

        await using var server = new MockModelServer();
        var url = await server.StartAsync(options, cancel).ConfigureAwait(false);
        var baseUrl = url.ToString().TrimEnd('/');
        var output = context.Console.Out;
        output.WriteLine($"mock model server on {baseUrl}  (scenarios: {string.Join(", ", server.Scenarios.All.Select(s => s.Name).Order(StringComparer.Ordinal))})");
        output.WriteLine("Pick a scenario with [[S:name]] in the prompt. Point the agents at it:");
        output.WriteLine();
        output.WriteLine("  # Claude Code");
        output.WriteLine($"  export ANTHROPIC_BASE_URL={baseUrl} ANTHROPIC_API_KEY=sk-mock CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1");
        output.WriteLine();
        output.WriteLine("  # Codex CLI: in $CODEX_HOME/config.toml (default ~/.codex/config.toml), then run with MOCK_KEY=x");
        output.WriteLine("  model_provider = \"mock\"");
        output.WriteLine("  [model_providers.mock]");
        output.WriteLine("  name = \"AgentDeck mock\"");
        output.WriteLine($"  base_url = \"{baseUrl}/v1\"");
        output.WriteLine("  env_key = \"MOCK_KEY\"");
        output.WriteLine("  wire_api = \"responses\"");
        output.WriteLine();
        output.WriteLine("Ctrl+C (or SIGTERM) stops the server.");
        output.Flush();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
        {
            signal.Cancel = true;
            stop.Cancel();
        });
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        return ExitCodes.Ok;
    }
}
