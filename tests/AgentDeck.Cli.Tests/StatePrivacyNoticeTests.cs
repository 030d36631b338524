using AgentDeck.Core.Storage;

namespace AgentDeck.Cli.Tests;

public sealed class StatePrivacyNoticeTests : IDisposable
{
    private const UnixFileMode Open755 = OwnerOnly.FolderMode | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private readonly TempHome _home = new();

    public void Dispose() => _home.Dispose();

    [Fact]
    public async Task Given_a_state_folder_others_can_read_When_a_transcript_is_imported_Then_one_notice_line_says_it_was_made_private()
    {
        File.SetUnixFileMode(_home.Path, Open755);

        var import = await CliRun.InvokeAsync(_home.Path, ["import", "--agent", "claude", Fixtures.Transcript("claude-02-tools.ndjson")]);
        var again = await CliRun.InvokeAsync(_home.Path, ["runs", "--json"]);

        Assert.Equal(0, import.ExitCode);
        var notice = Assert.Single(import.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("agentdeck: other local users could read the state folder; made it private to you", notice, StringComparison.Ordinal);
        Assert.Contains(_home.Path, notice, StringComparison.Ordinal);
        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(_home.Path));
        Assert.Equal("", again.Error);
    }

    [Fact]
    public async Task Given_an_import_When_it_records_the_run_Then_its_folder_is_0700_and_its_logs_0600()
    {
        var import = await CliRun.InvokeAsync(_home.Path, ["import", "--agent", "claude", Fixtures.Transcript("claude-02-tools.ndjson")]);
        var paths = new AgentDeckPaths(_home.Path);
        var runId = import.Out.Trim();

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(paths.RunsDirectory));
        Assert.Equal(OwnerOnly.FolderMode, File.GetUnixFileMode(paths.RunDirectory(runId)));
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(paths.StdoutLog(runId)));
        Assert.Equal(OwnerOnly.FileMode, File.GetUnixFileMode(paths.LedgerFile));
    }
}
