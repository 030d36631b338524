using AgentDeck.Core.Teams.Results;
using AgentDeck.Core.Teams.Synthesis;
using static AgentDeck.Core.Tests.Teams.TeamFixtures;

namespace AgentDeck.Core.Tests.Teams;

public sealed class TeamSynthesisJsonTests
{
    [Fact]
    public void Given_a_synthesis_When_written_Then_clusters_carry_id_marker_support_of_severity_path_lines_and_findings()
    {
        var synthesis = TeamSynthesizer.Synthesize(
        [
            Member("run-a", "security", Issue("f1", "SQL injection in login()", "src/auth.py", "40-52", Severity.Critical)),
            Member("run-b", "review", false, Issue("f1", "login() builds SQL from user input unescaped", "src/auth.py", "44-60")),
        ]);

        var json = TeamSynthesisJson.Write(synthesis);

        var id = ClusterId.Of("run-a", "f1");
        Assert.Equal(
            "{\"goal\":{\"marker\":\"conflict\",\"goal_met\":null,\"met\":1,\"not_met\":1},\"valid_runs\":[\"run-a\",\"run-b\"],\"invalid_runs\":[],"
            + $"\"clusters\":[{{\"id\":\"{id}\",\"marker\":\"agreed\",\"support\":2,\"of\":2,\"severity\":\"critical\",\"verdict\":\"issue\","
            + "\"claim\":\"SQL injection in login()\",\"path\":\"src/auth.py\",\"lines\":\"40-60\",\"findings\":["
            + "{\"run\":\"run-a\",\"role\":\"security\",\"id\":\"f1\",\"claim\":\"SQL injection in login()\",\"verdict\":\"issue\",\"severity\":\"critical\",\"confidence\":0.8},"
            + "{\"run\":\"run-b\",\"role\":\"review\",\"id\":\"f1\",\"claim\":\"login() builds SQL from user input unescaped\",\"verdict\":\"issue\",\"severity\":\"high\",\"confidence\":0.8}],"
            + "\"reviews\":[],\"dispute_reason\":null}],\"unmatched_reviews\":[]}",
            json);
    }
}
