using AgentDeck.Core;
using AgentDeck.Core.Runs;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>
/// What a worker is launched on: the agent, the model flag and profile to give it, the model the ledger records, and
/// the route when routing chose them (null when the person named them all).
/// </summary>
public sealed record LaunchChoice(AgentKind Agent, string? Model, string? Profile, string? RecordedModel, RunRoute? Route);
