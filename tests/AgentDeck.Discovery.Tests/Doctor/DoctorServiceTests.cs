using AgentDeck.Core;
using AgentDeck.Discovery.Doctor;
using AgentDeck.Discovery.Profiles;
using AgentDeck.Discovery.Tests.Support;

namespace AgentDeck.Discovery.Tests.Doctor;

public sealed class DoctorServiceTests
{
    private static readonly ProfileReport NoProfiles = new([], []);

    private static ProbeOutput Out(string text) => new(0, text, string.Empty);

    [Fact]
    public async Task Given_claude_with_a_key_and_git_When_doctor_runs_Then_versions_and_headless_evidence_without_secret()
    {
        using var home = new TempHome(new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = "sk-secret-value" });
        var probe = new FakeVersionProbe()
            .Answer("/usr/bin/claude --version", Out("2.1.328 (Claude Code)\n"))
            .Answer("/usr/bin/git --version", Out("git version 2.47.1"))
            .Answer("/usr/bin/tmux -V", Out("tmux 3.4"));
        var doctor = new DoctorService(home.Environment, new FakeLocator("claude", "git", "tmux"), probe);

        var report = await doctor.RunAsync(NoProfiles);

        var claude = report.Checks.Single(check => check.Name == "claude");
        Assert.Equal((DoctorStatus.Ok, "2.1.328", true), (claude.Status, claude.Version, claude.Headless));
        Assert.Contains("environment sets ANTHROPIC_API_KEY", claude.Detail);
        Assert.Equal("2.47.1", report.Checks.Single(check => check.Name == "git").Version);
        Assert.Equal("3.4", report.Checks.Single(check => check.Name == "tmux").Version);
        Assert.Equal(DoctorStatus.Warning, report.Checks.Single(check => check.Name == "codex").Status);
        Assert.Equal(0, report.ExitCode);
        Assert.DoesNotContain("sk-secret-value", DiscoveryJson.Serialize(report));
    }

    [Fact]
    public async Task Given_an_agent_without_credentials_When_doctor_runs_Then_a_warning_with_a_fix()
    {
        using var home = new TempHome();
        var probe = new FakeVersionProbe().Answer("/usr/bin/codex --version", Out("codex-cli 0.169.0"))
            .Answer("/usr/bin/git --version", Out("git version 2.40.0"));
        var report = await new DoctorService(home.Environment, new FakeLocator("codex", "git"), probe).RunAsync(NoProfiles);

        var codex = report.Checks.Single(check => check.Name == "codex");
        Assert.Equal((DoctorStatus.Warning, "0.169.0", false), (codex.Status, codex.Version, codex.Headless));
        Assert.Contains("codex login", codex.Fix);
        var agents = report.Checks.Single(check => check.Name == "agents");
        Assert.Equal(DoctorStatus.Error, agents.Status);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public async Task Given_a_login_file_or_a_current_profile_When_doctor_runs_Then_they_count_as_headless_evidence()
    {
        using var home = new TempHome();
        var auth = home.Write(".codex/auth.json", "{}");
        var profiles = new ProfileReport(
        [
            new DiscoveredProfile("GLM", "glm", AgentKind.Claude, ProfileSource.CcSwitch, "/db", "glm-4.6", new Dictionary<string, string>(),
                "https://glm", "ANTHROPIC_AUTH_TOKEN", IsCurrent: true),
        ], []);
        var probe = new FakeVersionProbe().Answer("/usr/bin/codex --version", Out("codex-cli 0.169.0"))
            .Answer("/usr/bin/claude --version", Out("2.1.328 (Claude Code)"))
            .Answer("/usr/bin/git --version", Out("git version 2.40.0"));

        var report = await new DoctorService(home.Environment, new FakeLocator("codex", "claude", "git"), probe).RunAsync(profiles);

        Assert.Contains($"found {auth}", report.Checks.Single(check => check.Name == "codex").Detail);
        Assert.Contains("CcSwitch GLM sets ANTHROPIC_AUTH_TOKEN", report.Checks.Single(check => check.Name == "claude").Detail);
        Assert.DoesNotContain(report.Checks, check => check.Name == "agents");
    }

    [Fact]
    public async Task Given_broken_or_missing_programs_When_doctor_runs_Then_each_problem_names_its_fix()
    {
        using var home = new TempHome();
        var profiles = new ProfileReport(
        [
            new DiscoveredProfile("x", "x", AgentKind.Gemini, ProfileSource.CcSwitch, "/db", null, new Dictionary<string, string>(), null, null, false),
        ], []);
        var probe = new FakeVersionProbe().Answer("/usr/bin/claude --version", new ProbeOutput(127, string.Empty, "env: node: No such file or directory\n"));

        var report = await new DoctorService(home.Environment, new FakeLocator("claude"), probe).RunAsync(profiles);

        var claude = report.Checks.Single(check => check.Name == "claude");
        Assert.Equal(DoctorStatus.Error, claude.Status);
        Assert.Equal("`claude --version` exited 127: env: node: No such file or directory", claude.Detail);
        var gemini = report.Checks.Single(check => check.Name == "gemini");
        Assert.Equal("configured (CcSwitch x) but not on PATH", gemini.Detail);
        var git = report.Checks.Single(check => check.Name == "git");
        Assert.Equal((DoctorStatus.Error, "not installed"), (git.Status, git.Detail));
        Assert.Equal(DoctorStatus.Warning, report.Checks.Single(check => check.Name == "tmux").Status);
        Assert.All(report.Checks.Where(check => check.Status != DoctorStatus.Ok), check => Assert.False(string.IsNullOrWhiteSpace(check.Fix)));
    }

    [Fact]
    public void Given_no_ledger_yet_When_checked_Then_ok_and_it_says_it_will_be_created()
    {
        using var home = new TempHome(new Dictionary<string, string> { ["XDG_STATE_HOME"] = "/placeholder" });
        home.Variables["AGENTDECK_HOME"] = home.PathOf("state");

        var check = LedgerHealthProbe.Check(home.Environment.LedgerPath);

        Assert.Equal(home.PathOf("state/ledger.db"), check.Path);
        Assert.Equal(DoctorStatus.Ok, check.Status);
        Assert.Contains("first run creates it", check.Detail);
    }

    [Fact]
    public void Given_a_healthy_or_a_garbage_ledger_When_checked_Then_ok_or_error_with_a_fix()
    {
        using var home = new TempHome();
        var good = home.PathOf("good.db");
        using (var connection = CcSwitchDatabase.Open(good))
        {
            CcSwitchDatabase.Execute(connection, "CREATE TABLE runs (id TEXT);");
        }

        var bad = home.Write("bad.db", new string('x', 4096));

        Assert.Equal(DoctorStatus.Ok, LedgerHealthProbe.Check(good).Status);
        var broken = LedgerHealthProbe.Check(bad);
        Assert.Equal(DoctorStatus.Error, broken.Status);
        Assert.NotNull(broken.Fix);
    }

    [Theory]
    [InlineData("2.1.328 (Claude Code)", "2.1.328")]
    [InlineData("codex-cli 0.169.0", "0.169.0")]
    [InlineData("tmux 3.3a", "3.3a")]
    [InlineData("git version 2.39.5 (Apple Git-154)", "2.39.5")]
    [InlineData("1.18.33", "1.18.33")]
    [InlineData("0.61.0-nightly.20260101", "0.61.0-nightly.20260101")]
    [InlineData("no digits here", null)]
    [InlineData("", null)]
    public void Given_version_output_When_extracted_Then_the_number(string output, string? expected)
    {
        Assert.Equal(expected, VersionText.Extract(output));
    }
}
