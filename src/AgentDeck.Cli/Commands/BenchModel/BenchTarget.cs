using AgentDeck.Core;

namespace AgentDeck.Cli.Commands.BenchModel;

/// <summary>What the bench runs through: a profile's name, its agent and the model it names (null = the agent's default).</summary>
public sealed record BenchTarget(string Profile, AgentKind Agent, string? Model);
