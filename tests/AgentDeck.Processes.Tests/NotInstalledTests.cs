using AgentDeck.Core.Processes;

namespace AgentDeck.Processes.Tests;

public sealed class NotInstalledTests
{
    private const string Missing = "agentdeck-no-such-program";
    private readonly ProcessRunner _runner = new();

    private static ProcessSpec Spec => ProcessSpec.For(Missing, "--version") with
    {
        InstallHint = "run tests/install-agent-clis.sh or npm i -g agentdeck-no-such-program",
    };

    private static string Expected => $"{Missing} is not installed: run tests/install-agent-clis.sh or npm i -g agentdeck-no-such-program";

    [Fact]
    public async Task Given_a_program_not_on_PATH_When_run_Then_the_error_names_it_and_gives_the_install_hint()
    {
        var error = await Assert.ThrowsAsync<ProcessStartException>(() => _runner.RunAsync(Spec, null, TimeSpan.FromMinutes(1)));

        Assert.Equal(Expected, error.Message);
        Assert.Equal(Missing, error.FileName);
    }

    [Fact]
    public void Given_a_program_not_on_PATH_When_started_or_detached_Then_the_same_error_is_raised()
    {
        Assert.Equal(Expected, Assert.Throws<ProcessStartException>(() => _runner.Start(Spec)).Message);
        Assert.Equal(Expected, Assert.Throws<ProcessStartException>(() => _runner.StartDetached(Spec)).Message);
    }

    [Fact]
    public void Given_no_hint_When_not_installed_Then_the_message_still_says_how_to_fix_it()
    {
        var error = Assert.Throws<ProcessStartException>(() => _runner.Start(ProcessSpec.For(Missing)));

        Assert.Equal($"{Missing} is not installed: install it or add its directory to PATH", error.Message);
    }

    [Fact]
    public void Given_a_PATH_override_without_the_program_When_started_Then_the_childs_PATH_is_what_counts()
    {
        var spec = ProcessSpec.For("sh", "-c", "true") with { Environment = new Dictionary<string, string?> { ["PATH"] = "/nonexistent" } };

        Assert.Throws<ProcessStartException>(() => _runner.Start(spec));
    }

    [Fact]
    public void Given_a_path_to_a_file_that_is_not_executable_When_started_Then_it_counts_as_not_installed()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<ProcessStartException>(() => _runner.Start(ProcessSpec.For(file)));

            Assert.StartsWith($"{file} is not installed", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
