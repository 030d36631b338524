namespace AgentDeck.MockModel.Scenarios;

public enum StepKind
{
    /// <summary>A normal model reply made of blocks (text, thinking, tool calls).</summary>
    Reply,

    /// <summary>An HTTP error reply (500, 429, 529, 401, 400, ...).</summary>
    Error,

    /// <summary>A stream that starts and then breaks before it completes.</summary>
    Cut,
}
