using System.CommandLine;
using AgentDeck.Cli.Hosting;
using AgentDeck.Core;

namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>
/// Hidden <c>agentdeck simulate-agent --agent claude|codex [--scenarios FILE] -- AGENT-ARGUMENTS</c>: a stand-in for an
/// agent CLI that is not installed. It speaks the real wire format (Claude stream-json in and out, Codex app-server
/// JSON-RPC), plays mock-model scenarios picked by <c>[[S:name]]</c> in the prompt, runs their tools in its working
/// directory, and honours steering and interrupts. <c>agentdeck demo</c> points a driver at it.
/// </summary>
public static class SimulateAgentCommand
{
    public const string Name = "simulate-agent";

    public static Command Create(CliContext context)
    {
        var agent = new Option<string>("--agent") { Description = "The CLI to stand in for: claude or codex.", Required = true };
        var scenarios = new Option<string[]>("--scenarios") { Description = "A YAML scenario file (repeatable) joining the mock's built-in scenarios.", AllowMultipleArgumentsPerToken = true };
        var defaultScenario = new Option<string>("--default-scenario") { Description = "Scenario for prompts without a [[S:name]] marker.", DefaultValueFactory = _ => "partial" };
        var pace = new Option<int>("--pace-ms") { Description = "Pause between streamed chunks when a scenario sets none.", DefaultValueFactory = _ => 120 };
        var rest = new Argument<string[]>("AGENT-ARGUMENTS") { Description = "The agent CLI's own arguments (after --).", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command(Name, "Stand in for an agent CLI with scripted, real-format output.") { agent, scenarios, defaultScenario, pace, rest };
        command.Hidden = true;
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, cancel) =>
        {
            var name = result.GetRequiredValue(agent);
            if (!AgentKinds.TryParse(name, out var kind) || kind is not (AgentKind.Claude or AgentKind.Codex))
            {
                throw CliException.Usage($"simulate-agent cannot stand in for '{name}': use claude or codex");
            }

            var arguments = result.GetValue(rest) ?? [];
            var settings = SimulationSettings.Create(
                kind,
                (result.GetValue(scenarios) ?? []).Select(f => Path.GetFullPath(f, context.Console.CurrentDirectory)).ToList(),
                result.GetValue(defaultScenario) ?? "partial",
                TimeSpan.FromMilliseconds(Math.Max(0, result.GetValue(pace))),
                arguments,
                context.Console.CurrentDirectory);
            return new SimulatedAgent(settings, context.Prices, context.Console.OpenInput(), context.Console.Out).RunAsync(cancel);
        });
        return command;
    }
}
