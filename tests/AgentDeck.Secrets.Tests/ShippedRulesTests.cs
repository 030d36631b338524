using System.Text.Json;
using System.Text.Json.Nodes;
using AgentDeck.Core.Secrets;

namespace AgentDeck.Secrets.Tests;

/// <summary>
/// The shipped rules redact every kind of secret they promise to, as plain text and inside a JSON line as an agent
/// CLI prints it, and leave the real transcripts of all four CLIs untouched.
/// </summary>
public sealed class ShippedRulesTests
{
    private static readonly SecretScanner Scanner = SecretRules.For(null).Scanner(new SecretFingerprint(new byte[32]));

    [Theory]
    [MemberData(nameof(FakeSecrets.All), MemberType = typeof(FakeSecrets))]
    public void Given_a_secret_in_plain_text_When_redacted_Then_the_marker_names_its_rule_and_the_value_is_gone(string rule, string secret)
    {
        var line = $"deploying with {secret} now";

        var redacted = Scanner.Redact(line);

        Assert.Contains(SecretScanner.Marker(rule), redacted.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretCore(secret), redacted.Text, StringComparison.Ordinal);
        Assert.Equal(rule, Assert.Single(redacted.Hits).RuleId);
    }

    [Theory]
    [MemberData(nameof(FakeSecrets.All), MemberType = typeof(FakeSecrets))]
    public void Given_a_secret_in_a_tool_result_of_a_JSON_line_When_redacted_Then_the_line_is_still_the_same_JSON_without_it(string rule, string secret)
    {
        var content = "$ cat .env\\nSETTING=1\\n" + secret + "\\n";
        var line = "{\"type\":\"user\",\"message\":{\"content\":[{\"type\":\"tool_result\",\"content\":\"" + content + "\"}]}}";

        var redacted = Scanner.Redact(line);

        var parsed = JsonNode.Parse(redacted.Text)!;
        var text = (string)parsed["message"]!["content"]![0]!["content"]!;
        Assert.Contains(SecretScanner.Marker(rule), text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretCore(secret), redacted.Text, StringComparison.Ordinal);
        Assert.StartsWith("$ cat .env\nSETTING=1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_real_transcripts_of_every_agent_CLI_When_scanned_Then_nothing_is_taken_for_a_secret()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "transcripts");
        var lines = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).SelectMany(File.ReadLines).ToList();

        var found = lines.SelectMany(line => Scanner.Find(line).Select(hit => $"{hit.RuleId}: {line.Substring(hit.Start, hit.Length)}")).ToList();

        Assert.True(lines.Count > 500, $"only {lines.Count} transcript lines were found in {folder}");
        Assert.Empty(found);
    }

    [Theory]
    [InlineData("password=aaaaaaaaaaaa")]
    [InlineData("token: ${GITHUB_TOKEN}")]
    [InlineData("\"password\": \"changeme\"")]
    [InlineData("secret = \"your_secret_here\"")]
    [InlineData("\"input_tokens\":123456789012,\"output_tokens\":1234")]
    [InlineData("postgres://user:password@localhost/db")]
    [InlineData("ANTHROPIC_API_KEY=sk-mock")]
    public void Given_a_placeholder_or_a_low_entropy_value_When_scanned_Then_it_is_not_a_secret(string line)
    {
        Assert.Empty(Scanner.Find(line));
    }

    [Fact]
    public void Given_the_same_secret_twice_and_another_When_found_Then_fingerprints_tell_them_apart_without_holding_them()
    {
        var first = "ghp" + "_" + new string('a', 18) + new string('B', 18);
        var second = "ghp" + "_" + new string('c', 18) + new string('D', 18);

        var hits = Scanner.Find($"{first} {second} {first}");

        Assert.Equal(3, hits.Count);
        Assert.Equal(hits[0].Fingerprint, hits[2].Fingerprint);
        Assert.NotEqual(hits[0].Fingerprint, hits[1].Fingerprint);
        Assert.All(hits, hit => Assert.DoesNotContain(hit.Fingerprint, first + second, StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_line_without_any_keyword_When_checked_on_its_bytes_Then_no_expression_needs_to_run()
    {
        var clean = System.Text.Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { type = "assistant", text = "Hello from mock model." }));
        var dirty = System.Text.Encoding.UTF8.GetBytes("{\"text\":\"AKIA" + "Q3EGRTZ5LMNBV7XD\"}");

        Assert.False(Scanner.MayContainSecret(clean));
        Assert.True(Scanner.MayContainSecret(dirty));
    }

    /// <summary>The part of a fake secret that must be gone (for rules whose secret is a group, not the whole text).</summary>
    private static string SecretCore(string secret) => secret.Trim() is var value && value.EndsWith("@db", StringComparison.Ordinal)
        ? value[^15..^3]
        : value.Length > 24 ? value.Substring(value.Length - 16, 12) : value;
}
