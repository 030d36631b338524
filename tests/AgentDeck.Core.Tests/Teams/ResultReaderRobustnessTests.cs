using AgentDeck.Core.Teams;
using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Tests.Teams;

public sealed class ResultReaderRobustnessTests
{
    [Fact]
    public void Given_the_example_answer_cut_at_every_length_When_read_Then_the_reader_never_throws_and_a_cut_block_is_invalid()
    {
        var answer = TeamResources.ResultInstructions;
        var blockEnd = answer.LastIndexOf('}');

        for (var length = 0; length <= answer.Length; length++)
        {
            var reading = ResultReader.Read(answer[..length]);

            if (length <= blockEnd)
            {
                Assert.False(reading.IsValid, $"cut at {length}");
                Assert.NotEmpty(reading.Errors);
            }
        }
    }

    [Fact]
    public void Given_the_example_with_characters_replaced_When_read_Then_the_reader_never_throws()
    {
        var answer = TeamResources.ResultInstructions;
        var random = new Random(7);
        char[] replacements = ['"', '{', '}', '[', ']', ',', ':', '\\', '0', '-', 'x', '\n', '\r', '`', '~', '\u00e9', '\uffff'];

        for (var round = 0; round < 2_000; round++)
        {
            var chars = answer.ToCharArray();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                chars[random.Next(chars.Length)] = replacements[random.Next(replacements.Length)];
            }

            var reading = ResultReader.Read(new string(chars));

            Assert.True(reading.IsValid || reading.Errors.Count > 0);
            Assert.All(reading.Problems, p => Assert.DoesNotContain('\n', p.ToString()));
        }
    }

    [Fact]
    public void Given_deeply_nested_JSON_When_read_Then_it_is_an_error_not_a_crash()
    {
        var nested = new string('[', 10_000) + new string(']', 10_000);

        var reading = ResultReader.Read($"```agentdeck-result\n{nested}\n```");

        Assert.StartsWith("the agentdeck-result block is not valid JSON", Assert.Single(reading.Errors).Problem);
    }

    [Theory]
    [InlineData("\"id\":\"\"", "findings[0].id: is empty; give each finding a unique id such as f1")]
    [InlineData("\"claim\":\"\"", "findings[0].claim: is empty; say in one sentence what is wrong or fine, naming the code")]
    public void Given_an_empty_id_or_claim_When_read_Then_it_is_an_error(string field, string expected)
    {
        var finding = "{\"id\":\"f1\",\"claim\":\"x() leaks\",\"verdict\":\"issue\",\"severity\":\"low\",\"confidence\":1,\"evidence\":[]}"
            .Replace(field.StartsWith("\"id\"", StringComparison.Ordinal) ? "\"id\":\"f1\"" : "\"claim\":\"x() leaks\"", field);

        var reading = ResultReader.Read($"```agentdeck-result\n{{\"schema\":\"agentdeck.result.v1\",\"goal_met\":true,\"summary\":\"s\",\"findings\":[{finding}]}}\n```");

        Assert.Equal([expected], reading.Errors.Select(e => e.ToString()));
    }
}
