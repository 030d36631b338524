using System.Diagnostics;

namespace AgentDeck.Cli.Tests;

/// <summary>
/// A state folder that cannot be written: a verb that writes says so in one line, and every reading verb the message
/// names does read the runs already recorded.
/// </summary>
public sealed class ReadOnlyStateTests : IDisposable
{
    private readonly TempHome _home = new();
    private bool _locked;

    public void Dispose()
    {
        if (_locked)
        {
            SetWritable(_home.Path, writable: true);
        }

        _home.Dispose();
    }

    private Task<CliRun> Agentdeck(params string[] args) => CliRun.InvokeAsync(_home.Path, args);

    [Fact]
    public async Task Given_a_read_only_state_folder_When_a_verb_writes_Then_it_fails_and_each_reading_verb_it_names_still_works()
    {
        var import = await Agentdeck("import", "--agent", "claude", Fixtures.Transcript("claude-01-plain.ndjson"), "--exit-code", "0");
        var id = import.Out.Trim();
        SetWritable(_home.Path, writable: false);
        _locked = true;

        var write = await Agentdeck("import", "--agent", "claude", Fixtures.Transcript("claude-01-plain.ndjson"), "--exit-code", "0");

        Assert.Equal(1, write.ExitCode);
        var message = Assert.Single(write.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        const string Promise = "runs, status, show, events, last, wait and export still read it";
        Assert.EndsWith(Promise, message, StringComparison.Ordinal);
        string[][] reads = [["runs"], ["status"], ["status", id], ["show", id], ["events", id], ["last"], ["wait", id], ["export", id, "--format", "md"]];
        foreach (var read in reads)
        {
            var result = await Agentdeck(read);
            Assert.True(result.ExitCode == 0 && result.Out.Length > 0, $"agentdeck {string.Join(' ', read)}: exit {result.ExitCode}\n{result.Error}");
        }
    }

    /// <summary>Root ignores permission bits, so as root the immutable attribute makes the folder unwritable.</summary>
    private static void SetWritable(string path, bool writable)
    {
        if (Environment.UserName == "root")
        {
            using var chattr = Process.Start("chattr", [writable ? "-i" : "+i", path])!;
            chattr.WaitForExit();
        }
        else
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | (writable ? UnixFileMode.UserWrite : 0));
        }
    }
}
