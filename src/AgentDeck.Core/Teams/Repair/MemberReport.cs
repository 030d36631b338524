using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Teams.Repair;

/// <summary>
/// What one team member (run <see cref="Run"/>, role <see cref="Role"/>) brought back. A
/// <see cref="MemberStatus.ResultInvalid"/> member's result holds only its free text as one finding, and
/// <see cref="Problems"/> says why.
/// </summary>
public sealed record MemberReport(string Run, string Role, MemberStatus Status, MemberResult Result, IReadOnlyList<ResultProblem> Problems)
{
    public const string ResultInvalidName = "result_invalid";

    public string StatusName => Status == MemberStatus.Valid ? "valid" : ResultInvalidName;
}
