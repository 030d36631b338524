namespace AgentDeck.Cli.Commands.Demo.Live;

/// <summary>
/// What <c>agentdeck demo</c> was asked for: the scratch root (null: a fresh temporary folder), whether to open the
/// screen, whether to simulate every agent even when its CLI is installed, the simulated pace, and how long the
/// non-interactive path waits for the team.
/// </summary>
public sealed record LiveDemoRequest(string? Directory, bool OpenScreen, bool SimulateAll, int PaceMs, TimeSpan WaitLimit, string? Theme);
