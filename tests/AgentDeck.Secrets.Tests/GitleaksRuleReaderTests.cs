using AgentDeck.Core.Secrets;

namespace AgentDeck.Secrets.Tests;

/// <summary>Rule files in the gitleaks format: read as gitleaks means them, and every problem named with file and line.</summary>
public sealed class GitleaksRuleReaderTests : IDisposable
{
    private readonly string _repo = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "agentdeck-rules-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    [Fact]
    public void Given_a_gitleaks_rule_with_a_named_group_and_posix_class_When_read_Then_it_matches_as_gitleaks_would()
    {
        var file = GitleaksRuleReader.Read("""
            [[rules]]
            id = "internal-token"
            description = "Our own tokens"
            regex = '''itk_(?P<body>[[:alnum:]]{20})'''
            secretGroup = 1
            keywords = ["itk_"]
            [rules.allowlist]
            stopwords = ["test"]
            """, "rules.toml");

        var scanner = new SecretScanner(file.Rules, new SecretFingerprint(new byte[32]));

        var rule = Assert.Single(file.Rules);
        Assert.Equal(("internal-token", 1), (rule.Id, rule.SecretGroup));
        Assert.Equal("itk_[REDACTED:internal-token] ok", scanner.Redact("itk_Ab3dEf6hIj9kLm2nOp5q ok").Text);
        Assert.Empty(scanner.Find("itk_testAbcdefghijklmnop"));
    }

    [Theory]
    [InlineData("[[rules]]\nid = \"a\"\nregex = \n", "rules.toml:3: not valid TOML")]
    [InlineData("title = \"x\"\n\n[[rules]]\nid = \"a\"\nregex = '''(unclosed'''\n", "rules.toml:3: rule a's regex cannot be used")]
    [InlineData("[[rules]]\nid = \"a\"\nregex = '''x'''\nentropy = \"high\"\n", "rules.toml:1: 'entropy' must be a number")]
    [InlineData("[[rules]]\nregex = '''x'''\n", "rules.toml:1: a rule has no id")]
    [InlineData("[[rules]]\nid = \"a\"\nregex = '''x'''\n[[rules]]\nid = \"a\"\nregex = '''y'''\n", "rules.toml:4: rule id 'a' is used twice")]
    public void Given_a_malformed_rule_file_When_read_Then_the_error_names_file_line_and_problem(string text, string expected)
    {
        var error = Assert.Throws<SecretRuleFileException>(() => GitleaksRuleReader.Read(text, "rules.toml"));

        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Given_a_rule_that_only_matches_paths_When_read_Then_it_is_left_out_with_a_warning()
    {
        var file = GitleaksRuleReader.Read("[[rules]]\nid = \"pkcs12\"\npath = '''\\.p12$'''\n", "rules.toml");

        Assert.Empty(file.Rules);
        Assert.Contains("rules.toml:1: rule pkcs12 matches file paths only", Assert.Single(file.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_repository_gitleaks_file_When_rules_are_loaded_Then_its_rules_join_the_shipped_ones()
    {
        File.WriteAllText(Path.Combine(_repo, ".gitleaks.toml"), "[[rules]]\nid = \"deck-internal\"\nregex = '''dk_[a-z0-9]{16}'''\nkeywords = [\"dk_\"]\n");

        var rules = SecretRules.For(_repo);

        Assert.Contains(rules.Rules, r => r.Id == "deck-internal");
        Assert.Contains(rules.Rules, r => r.Id == "aws-access-token");
        Assert.Empty(rules.Warnings);
    }

    [Fact]
    public void Given_a_broken_repository_gitleaks_file_When_rules_are_loaded_Then_the_shipped_rules_still_apply_and_a_warning_says_why()
    {
        var path = Path.Combine(_repo, ".gitleaks.toml");
        File.WriteAllText(path, "[[rules]\nid = 1\n");

        var rules = SecretRules.For(_repo);

        Assert.Equal(SecretRules.Shipped().Rules.Count, rules.Rules.Count);
        var warning = Assert.Single(rules.Warnings);
        Assert.StartsWith($"{path}:1: not valid TOML", warning, StringComparison.Ordinal);
        Assert.EndsWith("the shipped secret rules still apply", warning, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);
}
