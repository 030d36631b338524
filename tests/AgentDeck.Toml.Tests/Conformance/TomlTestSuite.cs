namespace AgentDeck.Toml.Tests.Conformance;

/// <summary>The toml-test cases for TOML 1.0.0, as copied next to the test binaries.</summary>
public static class TomlTestSuite
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "toml-test");

    /// <summary>Every path in files-toml-1.0.0 (relative to tests/).</summary>
    public static IReadOnlyList<string> ListedFiles { get; } =
        File.ReadAllLines(Path.Combine(Root, "files-toml-1.0.0"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0)
            .ToArray();

    public static IEnumerable<string> ValidCases =>
        ListedFiles.Where(path => path.StartsWith("valid/", StringComparison.Ordinal) && path.EndsWith(".toml", StringComparison.Ordinal));

    public static IEnumerable<string> InvalidCases =>
        ListedFiles.Where(path => path.StartsWith("invalid/", StringComparison.Ordinal) && path.EndsWith(".toml", StringComparison.Ordinal));

    public static IEnumerable<object[]> ValidCaseData => ValidCases.Select(path => new object[] { path });

    public static IEnumerable<object[]> InvalidCaseData => InvalidCases.Select(path => new object[] { path });

    public static string FullPath(string listedPath) => Path.Combine(Root, "tests", listedPath);
}
