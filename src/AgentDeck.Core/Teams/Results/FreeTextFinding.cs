namespace AgentDeck.Core.Teams.Results;

/// <summary>
/// The one finding kept for a member whose result stayed invalid after its repair turn: its whole final answer as
/// the claim, so nothing it said is lost, with no location, severity info and no confidence, flagged
/// <c>result_invalid</c>.
/// </summary>
public static class FreeTextFinding
{
    public const string Id = "free-text";

    public static Finding From(string finalAnswer, IReadOnlyList<ResultProblem> problems)
    {
        var warnings = new List<string> { "result_invalid: the member gave no valid agentdeck-result block; this is its free text" };
        warnings.AddRange(problems.Select(p => p.ToString()));
        return new Finding(Id, finalAnswer.Trim(), FindingVerdict.Issue, Severity.Info, 0, [], warnings);
    }
}
