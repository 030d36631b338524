using AgentDeck.Core;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>What <c>agentdeck run</c> was asked for; no <see cref="Agent"/> means "run the role's route".</summary>
public sealed record RunRequest(
    AgentKind? Agent, string Prompt, string? Role, string? Model, string? Profile, bool Write, string? Cwd, bool Detach, bool KeepOpen);
