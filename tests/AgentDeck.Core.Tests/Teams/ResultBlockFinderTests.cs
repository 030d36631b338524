using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Tests.Teams;

public sealed class ResultBlockFinderTests
{
    private const string Json = "{\"schema\":\"agentdeck.result.v1\"}";

    public static TheoryData<string, string> Answers => new()
    {
        { "backticks", $"Done.\n```agentdeck-result\n{Json}\n```\n" },
        { "tildes", $"Done.\n~~~agentdeck-result\n{Json}\n~~~" },
        { "four backticks", $"Done.\n````agentdeck-result\n{Json}\n````" },
        { "CRLF", $"Done.\r\n```agentdeck-result\r\n{Json}\r\n```\r\n" },
        { "indented", $"Done.\n   ```agentdeck-result\n   {Json}\n   ```" },
        { "space before the tag", $"``` agentdeck-result\n{Json}\n```" },
        { "unclosed at the end", $"Done.\n```agentdeck-result\n{Json}\n" },
        { "bare JSON answer (codex --output-schema)", $"  {Json}\n" },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public void Given_a_result_fence_When_found_Then_its_content_is_the_JSON(string _, string answer)
    {
        var block = ResultBlockFinder.Find(answer);

        Assert.Equal(Json, block?.Trim());
    }

    [Fact]
    public void Given_several_result_fences_When_found_Then_the_last_one_wins()
    {
        var answer = "```agentdeck-result\n{\"first\":1}\n```\nthen I fixed it:\n```agentdeck-result\n{\"second\":2}\n```";

        Assert.Equal("{\"second\":2}", ResultBlockFinder.Find(answer));
    }

    [Fact]
    public void Given_a_longer_fence_When_it_holds_a_shorter_one_Then_the_inner_fence_does_not_close_it()
    {
        var answer = "````agentdeck-result\n{\"a\":\"x\"}\n```\n````";

        Assert.Equal("{\"a\":\"x\"}\n```", ResultBlockFinder.Find(answer));
    }

    [Theory]
    [InlineData("No block here.")]
    [InlineData("```json\n{\"schema\":\"agentdeck.result.v1\"}\n```")]
    [InlineData("")]
    public void Given_no_result_fence_and_no_bare_object_Then_nothing_is_found(string answer)
    {
        Assert.Null(ResultBlockFinder.Find(answer));
    }

    [Fact]
    public void Given_a_result_tag_inside_another_fence_Then_it_is_not_taken()
    {
        var answer = "```markdown\n```agentdeck-result\n{}\n```";

        Assert.Null(ResultBlockFinder.Find(answer));
    }
}
