using System.Text.Json.Nodes;
using AgentDeck.Core.Secrets;

namespace AgentDeck.Secrets.Tests;

/// <summary>The scanner's own rules of the game: group choice, entropy, overlaps and JSON escapes.</summary>
public sealed class SecretScannerTests
{
    private static readonly SecretFingerprint Fingerprint = new(new byte[32]);

    [Theory]
    [InlineData("{\"text\":\"say \\\"tok_abcdef\\\" to it\"}", "say \"[REDACTED:tok]\" to it")]
    [InlineData("{\"text\":\"tok_abcdef\\\\ end\"}", "[REDACTED:tok] end")]
    public void Given_a_secret_beside_an_escape_When_redacted_Then_no_escape_is_split_and_the_JSON_parses(string line, string expected)
    {
        var rule = new SecretRule("tok", "tok", @"(tok_[a-z\\]{6,7})", 1, 0, ["tok_"]);
        var scanner = new SecretScanner([rule], Fingerprint);

        var redacted = scanner.Redact(line);

        Assert.Equal(expected, (string)JsonNode.Parse(redacted.Text)!["text"]!);
    }

    [Fact]
    public void Given_two_rules_matching_the_same_secret_When_found_Then_the_rule_listed_first_names_it_once()
    {
        var specific = new SecretRule("specific", "", "(key_[0-9]{8})", 1, 0, ["key_"]);
        var generic = new SecretRule("generic", "", "([a-z]+_[0-9]{8})", 1, 0, []);

        var hits = new SecretScanner([specific, generic], Fingerprint).Find("use key_12345678");

        Assert.Equal("specific", Assert.Single(hits).RuleId);
    }

    [Theory]
    [InlineData("pw=aaaaaaaaaaaa", false)]
    [InlineData("pw=a8Kq2mZx9PwL", true)]
    public void Given_an_entropy_minimum_When_scanned_Then_only_random_looking_values_count(string line, bool secret)
    {
        var rule = new SecretRule("pw", "", "pw=([A-Za-z0-9]+)", 1, 3.0, ["pw="]);

        Assert.Equal(secret, new SecretScanner([rule], Fingerprint).Find(line).Count == 1);
    }

    [Fact]
    public void Given_JSON_escapes_When_unfolded_Then_whitespace_escapes_are_spaces_and_every_offset_is_kept()
    {
        var line = "a\\nb\\\"c\\\\n";

        var unfolded = JsonEscapes.Unfolded(line);

        Assert.Equal("a  b \"c\\\\n", unfolded);
        Assert.Equal(line.Length, unfolded.Length);
    }
}
