using AgentDeck.Agents.Drivers.Gemini;
using AgentDeck.Core;

namespace AgentDeck.Agents.Tests.Drivers;

public sealed class GeminiArgumentsTests
{
    public static TheoryData<bool, string?, string?, string?, string> Cases => new()
    {
        { false, null, null, null, "-p|fix the bug|--output-format|stream-json|--approval-mode|default" },
        { true, null, null, null, "-p|fix the bug|--output-format|stream-json|--approval-mode|yolo" },
        { false, "gemini-2.5-pro", null, null, "-p|fix the bug|--output-format|stream-json|--approval-mode|default|-m|gemini-2.5-pro" },
        { true, null, "Be brief.", null, "-p|Be brief.\n\nfix the bug|--output-format|stream-json|--approval-mode|yolo" },
        // A resumed session already holds the persona in its first message.
        { false, null, "Be brief.", "3f2a-uuid", "-p|fix the bug|--output-format|stream-json|--approval-mode|default|--resume|3f2a-uuid" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Given_a_launch_Then_the_arguments_are_exactly_these(bool write, string? model, string? persona, string? resume, string expected)
    {
        var launch = Launches.Of(AgentKind.Gemini, write: write, model: model, persona: persona, resume: resume);

        Assert.Equal(expected.Split('|'), GeminiArguments.For(launch));
    }

    [Fact]
    public void Given_a_prompt_starting_with_a_dash_Then_it_is_glued_to_the_prompt_option()
    {
        var arguments = GeminiArguments.For(Launches.Of(AgentKind.Gemini, prompt: "--help me"));

        Assert.Equal("--prompt=--help me", arguments[0]);
        Assert.DoesNotContain("-p", arguments);
    }
}
