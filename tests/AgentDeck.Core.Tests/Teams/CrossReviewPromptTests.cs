using AgentDeck.Core.Teams.Results;
using AgentDeck.Core.Teams.Synthesis;
using static AgentDeck.Core.Tests.Teams.TeamFixtures;

namespace AgentDeck.Core.Tests.Teams;

public sealed class CrossReviewPromptTests
{
    [Fact]
    public void Given_a_synthesis_When_a_review_round_starts_Then_the_prompt_lists_every_cluster_with_its_id_place_and_claims()
    {
        var synthesis = TeamSynthesizer.Synthesize(
        [
            Member("run-a", "security", Issue("f1", "SQL injection in login()", "src/auth.py", "40-52", Severity.Critical)),
            Member("run-b", "review", Ok("f1", "Config is read once", severity: Severity.Info)),
        ]);

        var prompt = CrossReviewPrompt.Build(synthesis);

        Assert.Contains($"- {ClusterId.Of("run-a", "f1")} [unique 1/2, critical] src/auth.py:40-52\n  - security (issue, confidence 0.8): SQL injection in login()", prompt);
        Assert.Contains($"- {ClusterId.Of("run-b", "f1")} [unique 1/2, info] no single place\n  - review (ok, confidence 0.8): Config is read once", prompt);
        Assert.Contains("\"reviews\"", prompt);
        Assert.DoesNotContain("{clusters}", prompt);
    }
}
