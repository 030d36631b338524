using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Teams.Repair;

/// <summary>
/// Decides what to do with a member's final answer: a valid result is accepted; an invalid or missing block gets
/// one repair turn listing its problems; a second failure marks the member <c>result_invalid</c> and keeps its free
/// text as one finding (the first answer's: that is where its work is; the repair reply may be only a block). One
/// repair only: an agent that cannot write the block twice is not helped by a third ask.
/// </summary>
public static class ResultRepairPolicy
{
    public const int MaxRepairs = 1;

    public static ResultStep Decide(string run, string role, string finalAnswer, int repairsSoFar, ResultKind kind = ResultKind.Member, string? firstAnswer = null)
    {
        var reading = ResultReader.Read(finalAnswer, kind);
        if (reading.IsValid)
        {
            return new ResultStep(ResultStepKind.Accept, new MemberReport(run, role, MemberStatus.Valid, reading.Result!, reading.Problems), null);
        }

        if (repairsSoFar < MaxRepairs)
        {
            return new ResultStep(ResultStepKind.Repair, null, RepairPrompt(reading.Problems));
        }

        var freeText = new MemberResult(false, "", [FreeTextFinding.From(firstAnswer ?? finalAnswer, reading.Errors)], [], []);
        return new ResultStep(ResultStepKind.GiveUp, new MemberReport(run, role, MemberStatus.ResultInvalid, freeText, reading.Problems), null);
    }

    /// <summary>The repair-turn message: every problem on its own line, warnings included so they get fixed too.</summary>
    public static string RepairPrompt(IReadOnlyList<ResultProblem> problems) =>
        TeamResources.RepairTemplate.Replace("{problems}", string.Join('\n', problems.Select(p => "- " + p)), StringComparison.Ordinal);
}
