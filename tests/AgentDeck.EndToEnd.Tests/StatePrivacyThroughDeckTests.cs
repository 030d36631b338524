namespace AgentDeck.EndToEnd.Tests;

/// <summary>The state folder holds prompts and outputs: the real binary keeps it, and all it writes there, owner-only.</summary>
[Collection(AgentCliCollection.Name)]
public sealed class StatePrivacyThroughDeckTests(AgentCliFixture fixture)
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Open755 = Folder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
    private const UnixFileMode Open644 = Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    [Fact]
    public async Task Given_claude_run_through_agentdeck_Then_every_folder_it_made_is_0700_and_every_file_0600()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);

        var id = await deck.RunDetachedAsync("claude", "Say hello [[S:plain]]");
        await deck.WaitAsync(id);
        var state = deck.StateDirectory;

        Assert.Equal(Folder, Mode(state));
        Assert.Equal(Folder, Mode(Path.Combine(state, "runs")));
        Assert.Equal(Folder, Mode(Path.Combine(state, "runs", id)));
        Assert.Equal(Folder, Mode(Path.Combine(state, "host")));
        foreach (var file in new[] { "ledger.db", "ledger.db-wal", "ledger.db-shm", "host/host.log" }.Select(f => Path.Combine(state, f))
                     .Concat(new[] { "stdout.log", "stderr.log", "launch.json", "supervisor.json" }.Select(f => deck.RunFile(id, f))))
        {
            Assert.True(Mode(file) == Private, $"{file} is {Mode(file)}");
        }
    }

    [Fact]
    public async Task Given_a_state_folder_an_older_agentdeck_left_readable_When_any_verb_opens_the_ledger_Then_it_is_made_private_with_one_notice()
    {
        using var sandbox = await Sandbox.CreateAsync();
        var deck = await Deck.CreateAsync(fixture, sandbox);
        var imported = await deck.SucceedAsync("import", "--agent", "claude", Path.Combine(RepoPaths.Root, "tests", "fixtures", "transcripts", "claude-02-tools.ndjson"));
        var id = imported.Stdout.Trim();
        var state = deck.StateDirectory;
        string[] folders = [state, Path.Combine(state, "runs"), Path.Combine(state, "runs", id)];
        string[] files = [Path.Combine(state, "ledger.db"), deck.RunFile(id, "stdout.log"), deck.RunFile(id, "stderr.log")];
        Array.ForEach(folders, folder => File.SetUnixFileMode(folder, Open755));
        Array.ForEach(files, file => File.SetUnixFileMode(file, Open644));

        var status = await deck.SucceedAsync("status", id, "--json");
        var again = await deck.SucceedAsync("status", id, "--json");

        Assert.Contains("made it private to you", status.Stderr, StringComparison.Ordinal);
        Assert.Single(status.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.All(folders, folder => Assert.Equal(Folder, Mode(folder)));
        Assert.All(files, file => Assert.Equal(Private, Mode(file)));
        Assert.Equal("", again.Stderr.Trim());
    }

    private static UnixFileMode Mode(string path) => File.GetUnixFileMode(path);
}
