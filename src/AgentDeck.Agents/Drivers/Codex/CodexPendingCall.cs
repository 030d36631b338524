namespace AgentDeck.Agents.Drivers.Codex;

/// <summary>A request written to the app-server and not answered yet; a steer keeps its text to retry it.</summary>
internal sealed record CodexPendingCall(string Method, string? Text = null, string? ExpectedTurnId = null);
