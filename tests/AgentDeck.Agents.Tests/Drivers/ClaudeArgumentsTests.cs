using AgentDeck.Agents.Drivers.Claude;
using AgentDeck.Core;

namespace AgentDeck.Agents.Tests.Drivers;

public sealed class ClaudeArgumentsTests
{
    private const string Base =
        "-p|--input-format|stream-json|--output-format|stream-json|--verbose|--include-partial-messages";

    public static TheoryData<bool, string?, string?, string?, string> Cases => new()
    {
        { false, null, null, null, Base + "|--permission-mode|dontAsk|--allowedTools|Read Glob Grep" },
        { true, null, null, null, Base + "|--permission-mode|acceptEdits|--allowedTools|Bash Edit Write" },
        { false, "sonnet", null, null, Base + "|--permission-mode|dontAsk|--allowedTools|Read Glob Grep|--model|sonnet" },
        { true, null, Launches.Persona, null,
            Base + "|--permission-mode|acceptEdits|--allowedTools|Bash Edit Write|--append-system-prompt|" + Launches.Persona },
        { false, null, null, "c7902f70", Base + "|--permission-mode|dontAsk|--allowedTools|Read Glob Grep|--resume|c7902f70" },
        { true, "opus", "Be brief.", "s-1",
            Base + "|--permission-mode|acceptEdits|--allowedTools|Bash Edit Write|--model|opus|--append-system-prompt|Be brief.|--resume|s-1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Given_a_launch_Then_the_arguments_are_exactly_these(bool write, string? model, string? persona, string? resume, string expected)
    {
        var launch = Launches.Of(AgentKind.Claude, write: write, model: model, persona: persona, resume: resume);

        Assert.Equal(expected.Split('|'), ClaudeArguments.For(launch));
    }

    [Fact]
    public void Given_profile_arguments_Then_they_come_last_and_the_prompt_is_not_on_the_command_line()
    {
        var launch = Launches.Of(AgentKind.Claude, prompt: "secret prompt") with { ExtraArguments = ["--max-turns", "5"] };

        var arguments = ClaudeArguments.For(launch);

        Assert.Equal(["--max-turns", "5"], arguments.TakeLast(2));
        Assert.DoesNotContain("secret prompt", arguments);
    }
}
