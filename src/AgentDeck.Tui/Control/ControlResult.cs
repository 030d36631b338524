namespace AgentDeck.Tui.Control;

/// <summary>What a control action did, as one line for the status bar; <see cref="RunId"/> is the new run, if any.</summary>
public sealed record ControlResult(bool Ok, string Message, string? RunId = null)
{
    public static ControlResult Done(string message, string? runId = null) => new(true, message, runId);

    public static ControlResult Failed(string message) => new(false, message);
}
