using AgentDeck.Core.Teams.Repair;
using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Tests.Teams;

public sealed class MemberResultCollectorTests
{
    private const string Valid = """
        Fixed.
        ```agentdeck-result
        {"schema":"agentdeck.result.v1","goal_met":true,"summary":"done","findings":[{"id":"f1","claim":"login() was unsafe","verdict":"issue","severity":"high","confidence":0.8,"evidence":[]}],"followups":[]}
        ```
        """;

    private const string BadSeverity = """
        Found one problem in login(): it builds SQL from the name.
        ```agentdeck-result
        {"schema":"agentdeck.result.v1","goal_met":true,"summary":"done","findings":[{"id":"f1","claim":"login() was unsafe","verdict":"issue","severity":"urgent","confidence":0.8,"evidence":[]}],"followups":[]}
        ```
        """;

    /// <summary>Answers each resume with the next scripted reply and remembers what it was sent.</summary>
    private sealed class ScriptedConversation(params string[] replies) : IMemberConversation
    {
        private readonly Queue<string> _replies = new(replies);

        public List<string> Sent { get; } = [];

        public Task<string> ResumeAsync(string message, CancellationToken cancellationToken)
        {
            Sent.Add(message);
            return Task.FromResult(_replies.Dequeue());
        }
    }

    [Fact]
    public async Task Given_a_valid_block_When_collected_Then_it_is_accepted_without_a_repair_turn()
    {
        var conversation = new ScriptedConversation();

        var report = await MemberResultCollector.CollectAsync("run-a", "review", Valid, conversation);

        Assert.Equal(MemberStatus.Valid, report.Status);
        Assert.Empty(conversation.Sent);
    }

    [Fact]
    public async Task Given_an_invalid_block_When_collected_Then_the_member_is_resumed_once_with_the_errors_and_its_fix_is_accepted()
    {
        var conversation = new ScriptedConversation(Valid);

        var report = await MemberResultCollector.CollectAsync("run-a", "review", BadSeverity, conversation);

        var sent = Assert.Single(conversation.Sent);
        Assert.Contains("- findings[0].severity: \"urgent\" is not one of critical, high, medium, low, info", sent);
        Assert.Equal((MemberStatus.Valid, "valid"), (report.Status, report.StatusName));
        Assert.Equal("login() was unsafe", Assert.Single(report.Result.Findings).Claim);
    }

    [Fact]
    public async Task Given_a_member_that_fails_its_repair_turn_When_collected_Then_it_is_result_invalid_and_its_first_answer_is_one_finding()
    {
        var conversation = new ScriptedConversation("Sorry, here it is: {oops");

        var report = await MemberResultCollector.CollectAsync("run-a", "review", BadSeverity, conversation);

        Assert.Single(conversation.Sent);
        Assert.Equal((MemberStatus.ResultInvalid, "result_invalid"), (report.Status, report.StatusName));
        var finding = Assert.Single(report.Result.Findings);
        Assert.Equal(FreeTextFinding.Id, finding.Id);
        Assert.StartsWith("Found one problem in login()", finding.Claim);
        Assert.StartsWith("result_invalid:", finding.Warnings[0]);
        Assert.Contains(report.Problems, p => p.Problem.StartsWith("no ```agentdeck-result block found", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_missing_block_When_decided_Then_the_step_asks_for_a_repair_as_data()
    {
        var step = ResultRepairPolicy.Decide("run-a", "review", "All good, nothing to report.", repairsSoFar: 0);

        Assert.Equal((ResultStepKind.Repair, (MemberReport?)null), (step.Kind, step.Report));
        Assert.Contains("agentdeck-result", step.RepairPrompt);
    }
}
