using System.Text.Json.Nodes;

namespace AgentDeck.Toml.Tests.Conformance;

/// <summary>The conformance theories are only as good as this comparer, so it is tested on its own.</summary>
public sealed class TaggedJsonComparerTests
{
    private static string? Compare(string expected, string actual) =>
        TaggedJsonComparer.FindDifference(JsonNode.Parse(expected), JsonNode.Parse(actual));

    [Theory]
    [InlineData("""{"a":{"type":"float","value":"0.5"}}""", """{"a":{"type":"float","value":"5e-1"}}""")]
    [InlineData("""{"a":{"type":"float","value":"nan"}}""", """{"a":{"type":"float","value":"nan"}}""")]
    [InlineData("""{"a":{"type":"datetime","value":"1987-07-05T17:45:56.600Z"}}""", """{"a":{"type":"datetime","value":"1987-07-05T17:45:56.6Z"}}""")]
    [InlineData("""{"a":{"type":"time-local","value":"10:32:00.500"}}""", """{"a":{"type":"time-local","value":"10:32:00.5"}}""")]
    [InlineData("""{"a":[{"type":"integer","value":"1"}],"b":{}}""", """{"b":{},"a":[{"type":"integer","value":"1"}]}""")]
    public void Given_equal_values_spelled_differently_When_compared_Then_there_is_no_difference(string expected, string actual)
    {
        Assert.Null(Compare(expected, actual));
    }

    [Theory]
    [InlineData("""{"a":{"type":"integer","value":"1"}}""", """{"a":{"type":"integer","value":"2"}}""")]
    [InlineData("""{"a":{"type":"integer","value":"1"}}""", """{"a":{"type":"float","value":"1"}}""")]
    [InlineData("""{"a":{"type":"string","value":"x"}}""", """{"a":{"type":"string","value":"x "}}""")]
    [InlineData("""{"a":{"type":"datetime","value":"1987-07-05T17:45:56Z"}}""", """{"a":{"type":"datetime","value":"1987-07-05T18:45:56+01:00"}}""")]
    [InlineData("""{"a":{"type":"float","value":"nan"}}""", """{"a":{"type":"float","value":"inf"}}""")]
    [InlineData("""{"a":[{"type":"integer","value":"1"}]}""", """{"a":[]}""")]
    [InlineData("""{"a":{}}""", """{"a":{},"b":{}}""")]
    [InlineData("""{"a":{}}""", """{"a":[]}""")]
    public void Given_different_documents_When_compared_Then_the_difference_is_reported(string expected, string actual)
    {
        Assert.NotNull(Compare(expected, actual));
    }
}
