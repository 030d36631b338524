using AgentDeck.Core.Processes;

namespace AgentDeck.Processes;

/// <summary>
/// The process runner's way to start a worker in one process and supervise it from another: the child's pipes stay
/// unread (its early output waits in them) until they are handed over, and a waiter records its exit status in a file
/// because the process that supervises it is not its parent. <see cref="ProcessRunner"/> implements it; a runner that
/// does not (a unit test's fake) makes callers use the ordinary start.
/// </summary>
public interface IProcessHandoff
{
    /// <summary>
    /// Starts <paramref name="spec"/> in its own session under a waiter that writes the exit code (128 + N when killed
    /// by signal N) to <paramref name="exitStatusPath"/>.
    /// </summary>
    HandoffProcess StartForHandoff(ProcessSpec spec, string exitStatusPath);
}
