using AgentDeck.Core.Teams.Repair;
using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Tests.Teams;

/// <summary>Builds member reports for synthesis tests without writing JSON.</summary>
internal static class TeamFixtures
{
    public static MemberReport Member(string run, string role, params Finding[] findings) => Member(run, role, goalMet: true, findings);

    public static MemberReport Member(string run, string role, bool goalMet, params Finding[] findings) =>
        new(run, role, MemberStatus.Valid, new MemberResult(goalMet, $"{role} summary", findings, [], []), []);

    public static Finding Issue(string id, string claim, string? path = null, string lines = "", Severity severity = Severity.High) =>
        Finding(id, claim, FindingVerdict.Issue, severity, path, lines);

    public static Finding Ok(string id, string claim, string? path = null, string lines = "", Severity severity = Severity.Info) =>
        Finding(id, claim, FindingVerdict.Ok, severity, path, lines);

    public static Finding Finding(string id, string claim, FindingVerdict verdict, Severity severity, string? path, string lines)
    {
        IReadOnlyList<Evidence> evidence = path is null
            ? []
            : [new Evidence(RepoRelativePath.Normalize(path), lines, LineRange.TryParse(lines, out var range, out _) ? range : null, "", true)];
        return new Finding(id, claim, verdict, severity, 0.8, evidence, []);
    }

    public static MemberReport Reviewer(string run, string role, params ClusterReview[] reviews) =>
        new(run, role, MemberStatus.Valid, new MemberResult(true, "reviewed", [], [], reviews), []);
}
