using System.Text;
using AgentDeck.Agents.Drivers;
using AgentDeck.Agents.Drivers.Codex;
using AgentDeck.Core;
using AgentDeck.Core.Processes;

namespace AgentDeck.Agents.Tests.Drivers;

public sealed class AgentDriverFactoryTests
{
    private static readonly AgentDriverFactory Factory = new();

    [Theory]
    [InlineData(AgentKind.Claude, null, "claude", true, StdinMode.Pipe, "npm install -g @anthropic-ai/claude-code")]
    [InlineData(AgentKind.Codex, null, "codex", true, StdinMode.Pipe, "npm install -g @openai/codex")]
    [InlineData(AgentKind.Codex, "t-1", "codex", false, StdinMode.None, "npm install -g @openai/codex")]
    [InlineData(AgentKind.Gemini, null, "gemini", false, StdinMode.None, "npm install -g @google/gemini-cli")]
    [InlineData(AgentKind.OpenCode, null, "opencode", false, StdinMode.None, "npm install -g opencode-ai")]
    public void Given_an_agent_Then_the_spec_runs_its_cli_in_a_new_session_in_the_launch_directory(
        AgentKind agent, string? resume, string program, bool live, StdinMode stdin, string installHint)
    {
        var driver = Factory.Create(Launches.Of(agent, resume: resume, write: true));

        Assert.Equal(agent, driver.Agent);
        Assert.Equal(live, driver.IsLive);
        Assert.Equal(program, driver.Spec.FileName);
        Assert.Equal(stdin, driver.Spec.Stdin);
        Assert.Equal(ProcessGrouping.NewSession, driver.Spec.Grouping);
        Assert.Equal(Launches.Cwd, driver.Spec.WorkingDirectory);
        Assert.Equal(installHint, driver.Spec.InstallHint);
    }

    [Fact]
    public void Given_resume_ids_Then_each_agent_resumes_its_own_way()
    {
        string Line(AgentKind agent) => Factory.Create(Launches.Of(agent, resume: "S1")).Spec.CommandLine;

        Assert.Contains("--resume S1", Line(AgentKind.Claude));
        Assert.StartsWith("codex exec resume S1 --json", Line(AgentKind.Codex));
        Assert.Contains("--resume S1", Line(AgentKind.Gemini));
        Assert.Contains("--session S1", Line(AgentKind.OpenCode));
    }

    [Fact]
    public void Given_the_exec_transport_Then_codex_runs_exec_and_steering_waits_for_the_turn()
    {
        var driver = new AgentDriverFactory(new AgentDriverOptions { Codex = CodexTransport.Exec })
            .Create(Launches.Of(AgentKind.Codex));

        Assert.Equal(["exec", "--json"], driver.Spec.Arguments.Take(2));
        Assert.False(driver.IsLive);
        Assert.True(driver.Steer("more").ResumeAfterTurn);
        Assert.Empty(driver.Steer("more").StdinLines);
        Assert.Null(driver.Interrupt());
        Assert.Empty(driver.OnStarted());
    }

    [Fact]
    public void Given_the_default_options_Then_a_new_codex_worker_uses_the_app_server()
    {
        var driver = Factory.Create(Launches.Of(AgentKind.Codex));

        Assert.IsType<CodexAppServerDriver>(driver);
        Assert.Equal(["app-server"], driver.Spec.Arguments);
    }

    [Fact]
    public void Given_a_program_override_and_profile_environment_Then_the_spec_uses_them()
    {
        var factory = new AgentDriverFactory(new AgentDriverOptions
        {
            Programs = new Dictionary<AgentKind, string> { [AgentKind.Claude] = "/opt/claude/bin/claude" },
        });
        var launch = Launches.Of(AgentKind.Claude) with
        {
            Environment = new Dictionary<string, string?> { ["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:18501", ["ANTHROPIC_API_KEY"] = null },
        };

        var spec = factory.Create(launch).Spec;

        Assert.Equal("/opt/claude/bin/claude", spec.FileName);
        Assert.Equal("http://127.0.0.1:18501", spec.Environment["ANTHROPIC_BASE_URL"]);
        Assert.Null(spec.Environment["ANTHROPIC_API_KEY"]);
    }

    [Fact]
    public void Given_a_read_only_opencode_worker_Then_its_environment_denies_editing_tools()
    {
        var spec = Factory.Create(Launches.Of(AgentKind.OpenCode)).Spec;

        Assert.Contains("\"edit\":\"deny\"", spec.Environment["OPENCODE_CONFIG_CONTENT"]);
    }

    [Theory]
    [InlineData(AgentKind.Gemini, "gemini-01-plain.ndjson", null)]
    [InlineData(AgentKind.Codex, "codex-01-plain.ndjson", "t-1")]
    [InlineData(AgentKind.Codex, "codex-07-err500.ndjson", "t-1")]
    public void Given_a_recorded_one_shot_run_Then_the_turn_finishes_at_its_final_line_only(AgentKind agent, string transcript, string? resume)
    {
        var driver = Factory.Create(Launches.Of(agent, resume: resume));
        var lines = DriverTranscripts.Lines(transcript);

        foreach (var line in lines.SkipLast(1))
        {
            Assert.Empty(driver.OnStdoutLine(Encoding.UTF8.GetBytes(line)));
            Assert.False(driver.TurnFinished);
        }

        driver.OnStdoutLine(Encoding.UTF8.GetBytes(lines[^1]));
        Assert.True(driver.TurnFinished);
    }

    [Fact]
    public void Given_an_old_opencode_stream_without_done_Then_the_turn_is_left_to_the_process_exit()
    {
        var driver = Factory.Create(Launches.Of(AgentKind.OpenCode));

        foreach (var line in DriverTranscripts.Lines("opencode-02-tools.ndjson"))
        {
            driver.OnStdoutLine(Encoding.UTF8.GetBytes(line));
        }

        Assert.False(driver.TurnFinished);
        driver.OnStdoutLine("""{"type":"done","reason":"idle","rejected":[]}"""u8);
        Assert.True(driver.TurnFinished);
    }

    [Theory]
    [MemberData(nameof(Garbage.Lines), MemberType = typeof(Garbage))]
    public void Given_garbage_Then_one_shot_drivers_neither_throw_nor_finish(byte[] line)
    {
        foreach (var agent in new[] { AgentKind.Gemini, AgentKind.OpenCode })
        {
            var driver = Factory.Create(Launches.Of(agent));
            Assert.Empty(driver.OnStdoutLine(line));
            Assert.False(driver.TurnFinished);
        }
    }
}
