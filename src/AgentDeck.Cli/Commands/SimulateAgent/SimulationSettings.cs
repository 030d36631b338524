using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.MockModel.Scenarios;

namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>What a simulated agent plays and how: the scenarios, the pace, and what its real CLI's arguments asked for.</summary>
public sealed record SimulationSettings(
    AgentKind Agent,
    ScenarioCatalog Scenarios,
    string DefaultScenario,
    TimeSpan Pace,
    string Model,
    bool Write,
    string WorkingDirectory)
{
    public static SimulationSettings Create(
        AgentKind agent, IReadOnlyList<string> scenarioFiles, string defaultScenario, TimeSpan pace, IReadOnlyList<string> agentArguments, string cwd)
    {
        ScenarioCatalog catalog;
        try
        {
            catalog = ScenarioCatalog.Load(scenarioFiles);
        }
        catch (Exception error) when (error is ScenarioFormatException or IOException)
        {
            throw new CliException(error.Message);
        }

        var model = ValueAfter(agentArguments, "--model") ?? ValueAfter(agentArguments, "-m") ?? DefaultModel(agent);

        // Claude asks for edits with --permission-mode acceptEdits; Codex says its sandbox in thread/start instead.
        var write = agent == AgentKind.Claude && ValueAfter(agentArguments, "--permission-mode") is "acceptEdits" or "bypassPermissions";
        return new SimulationSettings(agent, catalog, defaultScenario, pace, model, write, cwd);
    }

    public static string DefaultModel(AgentKind agent) => agent == AgentKind.Codex ? "gpt-5.1-codex" : "claude-sonnet-4-5";

    private static string? ValueAfter(IReadOnlyList<string> arguments, string name)
    {
        for (var i = 0; i < arguments.Count - 1; i++)
        {
            if (arguments[i] == name)
            {
                return arguments[i + 1];
            }
        }

        return null;
    }
}
