namespace AgentDeck.Core.Runs;

/// <summary>
/// A run's status as every view words it: the status name, and how many tool calls were denied when any were
/// ("succeeded, 3 denied"), because a success that had its writes refused is not the success it claims.
/// </summary>
public static class RunOutcomeLabel
{
    public static string Of(RunStatus status, int deniedToolCalls) =>
        deniedToolCalls > 0 ? $"{status.ToName()}, {deniedToolCalls} denied" : status.ToName();

    public static string Of(RunRecord run) => Of(run.Status, run.DeniedToolCalls);
}
