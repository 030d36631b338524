using System.Text.Json.Nodes;

namespace AgentDeck.Toml.Tests.Conformance;

public sealed class TomlTestConformanceTests
{
    [Fact]
    public void Given_the_toml_1_0_case_list_When_read_Then_every_listed_file_exists_and_the_counts_match()
    {
        var missing = TomlTestSuite.ListedFiles.Where(path => !File.Exists(TomlTestSuite.FullPath(path))).ToList();

        Assert.Empty(missing);
        Assert.Equal(210, TomlTestSuite.ValidCases.Count());
        Assert.Equal(499, TomlTestSuite.InvalidCases.Count());
        Assert.All(TomlTestSuite.ValidCases, path =>
            Assert.Contains(Path.ChangeExtension(path, ".json"), TomlTestSuite.ListedFiles));
    }

    [Theory]
    [MemberData(nameof(TomlTestSuite.ValidCaseData), MemberType = typeof(TomlTestSuite))]
    public void Given_a_valid_case_When_parsed_Then_its_tagged_json_equals_the_expected_json(string listedPath)
    {
        var tomlPath = TomlTestSuite.FullPath(listedPath);
        var expected = JsonNode.Parse(File.ReadAllText(Path.ChangeExtension(tomlPath, ".json")));

        var document = TomlDocument.Parse(File.ReadAllBytes(tomlPath), listedPath);
        var actual = TaggedJson.From(document.Root);

        var difference = TaggedJsonComparer.FindDifference(expected, actual);
        Assert.True(difference is null, $"{listedPath}: {difference}\nactual: {actual.ToJsonString()}");
    }

    [Theory]
    [MemberData(nameof(TomlTestSuite.InvalidCaseData), MemberType = typeof(TomlTestSuite))]
    public void Given_an_invalid_case_When_parsed_Then_a_TomlException_with_a_position_is_thrown(string listedPath)
    {
        var bytes = File.ReadAllBytes(TomlTestSuite.FullPath(listedPath));

        var error = Record.Exception(() => TomlDocument.Parse(bytes, listedPath));

        var tomlError = Assert.IsType<TomlException>(error);
        Assert.True(tomlError.Line >= 1 && tomlError.Column >= 1, tomlError.Message);
        Assert.StartsWith($"{listedPath}:{tomlError.Line}:{tomlError.Column}: ", tomlError.Message);
        Assert.DoesNotContain('\n', tomlError.Message);
    }
}
