using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Teams.Repair;

/// <summary>
/// Runs <see cref="ResultRepairPolicy"/> to the end for one member: reads its final answer, resumes it with the
/// problems when the block is unusable, and returns its report.
/// </summary>
public static class MemberResultCollector
{
    public static async Task<MemberReport> CollectAsync(
        string run,
        string role,
        string finalAnswer,
        IMemberConversation conversation,
        ResultKind kind = ResultKind.Member,
        CancellationToken cancellationToken = default)
    {
        var answer = finalAnswer;
        for (var repairs = 0; ; repairs++)
        {
            var step = ResultRepairPolicy.Decide(run, role, answer, repairs, kind, finalAnswer);
            if (step.Kind != ResultStepKind.Repair)
            {
                return step.Report!;
            }

            answer = await conversation.ResumeAsync(step.RepairPrompt!, cancellationToken).ConfigureAwait(false);
        }
    }
}
