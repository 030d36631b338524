namespace AgentDeck.Core.Processes;

/// <summary>What the child reads on stdin. The child never inherits the front end's terminal.</summary>
public enum StdinMode
{
    /// <summary>Stdin is closed at start: the child reads end-of-file at once.</summary>
    None,

    /// <summary>Stdin is a pipe the caller writes lines into and closes when done.</summary>
    Pipe,
}
