namespace AgentDeck.Toml.Tests.Conformance;

/// <summary>
/// Truncated and mutated versions of every valid toml-test case must either parse or fail with a
/// <see cref="TomlException"/>: never another exception type.
/// </summary>
public sealed class MangledInputTests
{
    private static readonly byte[] SignificantBytes =
        "[]{}=\",'.\n\r\\#0xe:-+_ \tTZ"u8.ToArray().Concat(new byte[] { 0x00, 0x7F, 0xC3, 0xFF, 0xEF }).ToArray();

    [Theory]
    [MemberData(nameof(TomlTestSuite.ValidCaseData), MemberType = typeof(TomlTestSuite))]
    public void Given_a_valid_case_cut_short_When_parsed_Then_only_TomlException_can_occur(string listedPath)
    {
        var bytes = File.ReadAllBytes(TomlTestSuite.FullPath(listedPath));

        // Every byte for small cases, about 100 evenly spread cuts for larger ones.
        var step = Math.Max(1, bytes.Length / 100);
        for (var length = 0; length < bytes.Length; length += step)
        {
            AssertParsesOrThrowsTomlException(bytes.AsSpan(0, length).ToArray(), $"{listedPath} cut at {length}");
        }
    }

    [Theory]
    [MemberData(nameof(TomlTestSuite.ValidCaseData), MemberType = typeof(TomlTestSuite))]
    public void Given_a_valid_case_with_bytes_replaced_When_parsed_Then_only_TomlException_can_occur(string listedPath)
    {
        var original = File.ReadAllBytes(TomlTestSuite.FullPath(listedPath));
        var random = new Random(listedPath.Length * 7919 + original.Length);

        for (var round = 0; round < 40 && original.Length > 0; round++)
        {
            var mutated = (byte[])original.Clone();
            var position = random.Next(mutated.Length);
            mutated[position] = SignificantBytes[random.Next(SignificantBytes.Length)];
            AssertParsesOrThrowsTomlException(mutated, $"{listedPath} with byte {position} = 0x{mutated[position]:X2}");
        }
    }

    private static void AssertParsesOrThrowsTomlException(byte[] bytes, string label)
    {
        var error = Record.Exception(() => TomlDocument.Parse(bytes, "mangled.toml"));

        Assert.True(error is null or TomlException, $"{label}: {error}");
    }
}
