using AgentDeck.Agents.Drivers.Codex;
using AgentDeck.Core;

namespace AgentDeck.Agents.Tests.Drivers;

public sealed class CodexArgumentsTests
{
    private const string PersonaOverride = "developer_instructions=\"You review code.\\nSay \\\"done\\\" when finished.\"";

    public static TheoryData<bool, string?, string?, string> ExecCases => new()
    {
        { false, null, null, "exec|--json|-s|read-only|-C|/home/dev/demo|--skip-git-repo-check|fix the bug" },
        { true, null, null, "exec|--json|-s|workspace-write|-C|/home/dev/demo|--skip-git-repo-check|fix the bug" },
        { false, "gpt-5.5", null, "exec|--json|-s|read-only|-C|/home/dev/demo|-m|gpt-5.5|--skip-git-repo-check|fix the bug" },
        { true, "gpt-5.5", Launches.Persona,
            "exec|--json|-s|workspace-write|-C|/home/dev/demo|-m|gpt-5.5|-c|" + PersonaOverride + "|--skip-git-repo-check|fix the bug" },
    };

    public static TheoryData<bool, string?, string?, string> ResumeCases => new()
    {
        { false, null, null, "exec|resume|t-1|--json|-c|sandbox_mode=\"read-only\"|--skip-git-repo-check|fix the bug" },
        { true, null, null, "exec|resume|t-1|--json|-c|sandbox_mode=\"workspace-write\"|--skip-git-repo-check|fix the bug" },
        { true, "gpt-5.5", Launches.Persona,
            "exec|resume|t-1|--json|-m|gpt-5.5|-c|sandbox_mode=\"workspace-write\"|-c|" + PersonaOverride + "|--skip-git-repo-check|fix the bug" },
    };

    [Theory]
    [MemberData(nameof(ExecCases))]
    public void Given_an_exec_launch_Then_the_arguments_are_exactly_these(bool write, string? model, string? persona, string expected)
    {
        var launch = Launches.Of(AgentKind.Codex, write: write, model: model, persona: persona);

        Assert.Equal(expected.Split('|'), CodexArguments.Exec(launch));
    }

    [Theory]
    [MemberData(nameof(ResumeCases))]
    public void Given_a_resume_Then_exec_resume_gets_the_sandbox_through_c_and_no_s_or_C(
        bool write, string? model, string? persona, string expected)
    {
        var launch = Launches.Of(AgentKind.Codex, write: write, model: model, persona: persona, resume: "t-1");

        var arguments = CodexArguments.Resume(launch, "t-1");

        Assert.Equal(expected.Split('|'), arguments);
        Assert.DoesNotContain("-s", arguments);
        Assert.DoesNotContain("-C", arguments);
    }

    [Fact]
    public void Given_a_prompt_starting_with_a_dash_Then_it_follows_a_double_dash()
    {
        var arguments = CodexArguments.Exec(Launches.Of(AgentKind.Codex, prompt: "-v is broken"));

        Assert.Equal(["--", "-v is broken"], arguments.TakeLast(2));
    }

    [Fact]
    public void Given_profile_arguments_Then_the_app_server_gets_them_after_its_subcommand()
    {
        var launch = Launches.Of(AgentKind.Codex) with { ExtraArguments = ["-c", "model_provider=\"mock\""] };

        Assert.Equal(["app-server", "-c", "model_provider=\"mock\""], CodexArguments.AppServer(launch));
    }
}
