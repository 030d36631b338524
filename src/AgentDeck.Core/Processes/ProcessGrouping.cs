namespace AgentDeck.Core.Processes;

/// <summary>Whether the child gets its own session and process group.</summary>
public enum ProcessGrouping
{
    /// <summary>The child stays in the starter's process group (short commands such as <c>git --version</c>).</summary>
    SameAsParent,

    /// <summary>
    /// The child leads a new session and process group (pid == pgid == sid): it has no controlling terminal, gets no
    /// SIGHUP when the front end's terminal goes away, and the whole group can be signalled at once.
    /// </summary>
    NewSession,
}
