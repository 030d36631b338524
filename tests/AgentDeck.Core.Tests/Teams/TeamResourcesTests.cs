using System.Text.Json;
using AgentDeck.Core.Teams;
using AgentDeck.Core.Teams.Results;

namespace AgentDeck.Core.Tests.Teams;

public sealed class TeamResourcesTests
{
    [Fact]
    public void Given_the_member_instructions_When_their_example_is_read_Then_it_is_a_valid_result()
    {
        var reading = ResultReader.Read(TeamResources.ResultInstructions);

        Assert.True(reading.IsValid, string.Join("\n", reading.Problems));
    }

    [Fact]
    public void Given_the_reviewer_instructions_When_their_example_is_read_as_a_reviewer_Then_it_is_valid()
    {
        var reading = ResultReader.Read(TeamResources.ReviewInstructions, ResultKind.Reviewer);

        Assert.True(reading.IsValid, string.Join("\n", reading.Problems));
        Assert.Equal(2, reading.Result!.Reviews.Count);
    }

    [Theory]
    [InlineData(nameof(TeamResources.ResultSchemaJson))]
    [InlineData(nameof(TeamResources.ReviewSchemaJson))]
    public void Given_a_schema_for_codex_When_checked_Then_it_fits_strict_structured_output(string name)
    {
        var text = name == nameof(TeamResources.ResultSchemaJson) ? TeamResources.ResultSchemaJson : TeamResources.ReviewSchemaJson;
        using var schema = JsonDocument.Parse(text);

        // Codex sends the schema with strict: true, which needs every object closed and every property required.
        foreach (var node in Objects(schema.RootElement))
        {
            Assert.False(node.GetProperty("additionalProperties").GetBoolean());
            Assert.Equal(
                node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(),
                node.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).Order());
        }
    }

    [Fact]
    public void Given_the_repair_template_Then_it_has_the_place_for_the_problems()
    {
        Assert.Contains("{problems}", TeamResources.RepairTemplate);
    }

    private static IEnumerable<JsonElement> Objects(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (node.TryGetProperty("type", out var type) && type.GetString() == "object")
        {
            yield return node;
        }

        foreach (var child in node.EnumerateObject().SelectMany(p => p.Value.ValueKind == JsonValueKind.Object ? Objects(p.Value) : []))
        {
            yield return child;
        }
    }
}
