using System.Text.Json.Nodes;
using AgentDeck.Agents.Drivers.OpenCode;
using AgentDeck.Core;

namespace AgentDeck.Agents.Tests.Drivers;

public sealed class OpenCodeArgumentsTests
{
    public static TheoryData<bool, string?, string?, string?, string> Cases => new()
    {
        { false, null, null, null, "run|--format|json|fix the bug" },
        { true, null, null, null, "run|--format|json|fix the bug" },
        { false, "anthropic/claude-sonnet-4-5", null, null, "run|--format|json|-m|anthropic/claude-sonnet-4-5|fix the bug" },
        { true, null, "Be brief.", null, "run|--format|json|Be brief.\n\nfix the bug" },
        { false, null, "Be brief.", "ses_1", "run|--format|json|--session|ses_1|fix the bug" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Given_a_launch_Then_the_arguments_are_exactly_these(bool write, string? model, string? persona, string? resume, string expected)
    {
        var launch = Launches.Of(AgentKind.OpenCode, write: write, model: model, persona: persona, resume: resume);

        Assert.Equal(expected.Split('|'), OpenCodeArguments.For(launch));
    }

    [Fact]
    public void Given_a_read_only_launch_Then_inline_config_denies_edit_bash_and_task()
    {
        var environment = OpenCodeReadOnly.Environment(Launches.Of(AgentKind.OpenCode));

        var permission = JsonNode.Parse(environment[OpenCodeReadOnly.ConfigVariable]!)!["permission"]!;
        Assert.Equal("deny", (string?)permission["edit"]);
        Assert.Equal("deny", (string?)permission["bash"]);
        Assert.Equal("deny", (string?)permission["task"]);
    }

    [Fact]
    public void Given_a_write_launch_Then_the_environment_is_the_profiles_own()
    {
        var launch = Launches.Of(AgentKind.OpenCode, write: true) with
        {
            Environment = new Dictionary<string, string?> { ["OPENCODE_DISABLE_AUTOUPDATE"] = "true" },
        };

        Assert.Same(launch.Environment, OpenCodeReadOnly.Environment(launch));
    }

    [Fact]
    public void Given_a_profile_inline_config_Then_it_is_kept_and_only_the_denied_permissions_are_overridden()
    {
        const string profile = """{"model":"anthropic/x","permission":{"bash":"allow","webfetch":"allow"}}""";

        var merged = JsonNode.Parse(OpenCodeReadOnly.WithDeniedPermissions(profile))!;

        Assert.Equal("anthropic/x", (string?)merged["model"]);
        Assert.Equal("deny", (string?)merged["permission"]!["bash"]);
        Assert.Equal("allow", (string?)merged["permission"]!["webfetch"]);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"permission\":\"allow\"}")]
    public void Given_an_unusable_profile_inline_config_Then_read_only_still_denies(string profile)
    {
        var merged = JsonNode.Parse(OpenCodeReadOnly.WithDeniedPermissions(profile))!;

        Assert.Equal("deny", (string?)merged["permission"]!["edit"]);
    }
}
