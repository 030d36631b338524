using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger.Tests.Support;

namespace AgentDeck.Ledger.Tests;

/// <summary>The state folder holds prompts and outputs: only its owner may read it, however it came about.</summary>
public sealed class StatePrivacyTests : IDisposable
{
    private const UnixFileMode Folder = OwnerOnly.FolderMode;
    private const UnixFileMode File600 = OwnerOnly.FileMode;

    private readonly string _root = Directory.CreateTempSubdirectory("agentdeck-privacy-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private AgentDeckPaths NewState() => new(Path.Combine(_root, "state"));

    private static UnixFileMode Mode(string path) => File.GetUnixFileMode(path);

    [Fact]
    public void Given_no_state_folder_When_a_run_is_recorded_Then_folders_are_0700_and_the_ledger_files_and_logs_0600()
    {
        var paths = NewState();
        using var ledger = SqliteRunLedger.Open(paths);
        var runId = Record(ledger, paths);

        Assert.Equal(Folder, Mode(paths.StateDirectory));
        Assert.Equal(Folder, Mode(paths.RunsDirectory));
        Assert.Equal(Folder, Mode(paths.RunDirectory(runId)));
        Assert.True(File.Exists(paths.LedgerFile + "-wal") && File.Exists(paths.LedgerFile + "-shm"), "the ledger runs in WAL mode");
        foreach (var file in new[] { paths.LedgerFile, paths.LedgerFile + "-wal", paths.LedgerFile + "-shm", paths.StdoutLog(runId), paths.StderrLog(runId) })
        {
            Assert.True(Mode(file) == File600, $"{file} is {Mode(file)}");
        }

        Assert.Empty(ledger.Tightened);
    }

    [Fact]
    public void Given_a_state_folder_others_can_read_When_the_ledger_opens_Then_everything_in_it_is_tightened_and_named()
    {
        var paths = NewState();
        string runId;
        using (var ledger = SqliteRunLedger.Open(paths))
        {
            runId = Record(ledger, paths);
        }

        const UnixFileMode open755 = Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        const UnixFileMode open644 = File600 | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        string[] folders = [paths.StateDirectory, paths.RunsDirectory, paths.RunDirectory(runId)];
        string[] files = [paths.LedgerFile, paths.StdoutLog(runId), paths.StderrLog(runId)];
        foreach (var folder in folders)
        {
            File.SetUnixFileMode(folder, open755);
        }

        foreach (var file in files)
        {
            File.SetUnixFileMode(file, open644);
        }

        using var reopened = SqliteRunLedger.Open(paths, new LedgerOptions { ReadOnly = true });

        Assert.All(folders, folder => Assert.Equal(Folder, Mode(folder)));
        Assert.All(files, file => Assert.Equal(File600, Mode(file)));
        Assert.Equal(folders.Concat(files).Order(StringComparer.Ordinal), reopened.Tightened.Order(StringComparer.Ordinal));
        Assert.Single(reopened.ListRuns(new RunQuery()));
    }

    [Fact]
    public void Given_an_owner_only_state_folder_When_the_ledger_opens_again_Then_nothing_is_reported_and_owner_bits_stay()
    {
        var paths = NewState();
        using (var ledger = SqliteRunLedger.Open(paths))
        {
            Record(ledger, paths);
        }

        File.SetUnixFileMode(paths.LedgerFile, UnixFileMode.UserRead);

        using var reopened = SqliteRunLedger.Open(paths, new LedgerOptions { ReadOnly = true });

        Assert.Empty(reopened.Tightened);
        Assert.Equal(UnixFileMode.UserRead, Mode(paths.LedgerFile));
    }

    [Fact]
    public void Given_a_ledger_in_a_sticky_shared_folder_When_it_opens_Then_the_folder_is_left_open_and_the_files_are_private()
    {
        var shared = Directory.CreateDirectory(Path.Combine(_root, "shared")).FullName;
        const UnixFileMode sharedMode = UnixFileMode.StickyBit | Folder | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
            UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(shared, sharedMode);

        using var ledger = SqliteRunLedger.Open(Path.Combine(shared, "ledger.db"));

        Assert.Equal(sharedMode, Mode(shared));
        Assert.Equal(File600, Mode(Path.Combine(shared, "ledger.db")));
        Assert.Empty(ledger.Tightened);
    }

    private static string Record(SqliteRunLedger ledger, AgentDeckPaths paths)
    {
        var run = ledger.CreateRun(new NewRun("claude") { Prompt = "secret plans" });
        using var recorder = new RunRecorder(ledger, run.Id, new FakeParser(), paths);
        recorder.AddStdoutLine("session:s"u8);
        recorder.AddStderrLine("warn"u8);
        recorder.Complete(0);
        return run.Id;
    }
}
