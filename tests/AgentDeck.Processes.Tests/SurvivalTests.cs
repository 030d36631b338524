using AgentDeck.Core.Processes;

namespace AgentDeck.Processes.Tests;

public sealed class SurvivalTests
{
    private readonly ProcessRunner _runner = new();

    [Fact]
    public async Task Given_a_front_end_that_detached_a_daemon_When_it_is_killed_and_its_group_hung_up_Then_the_daemon_lives_on()
    {
        var directory = Directory.CreateTempSubdirectory("agentdeck-survival-").FullName;
        var output = Path.Combine(directory, "daemon.log");
        var frontEnd = _runner.Start(new ProcessSpec("dotnet",
            [typeof(DetachingStarter).Assembly.Location, DetachingStarter.Verb, output, "/bin/sh", "-c", "echo alive; exec sleep 300"])
        {
            Grouping = ProcessGrouping.NewSession,
            InstallHint = "install the .NET SDK",
        });
        int daemon = 0;
        try
        {
            var lines = await Proc.ReadAllAsync(frontEnd.StdoutLines).WaitAsync(Proc.Patience);
            daemon = int.Parse(Proc.Text(Assert.Single(lines)));
            Assert.Equal(9, (await frontEnd.WaitForExitAsync().WaitAsync(Proc.Patience)).Signal);

            // An SSH hangup reaches the front end's session and group; the daemon is in neither.
            await frontEnd.SignalAsync(ProcessSignal.Hangup, wholeGroup: true);

            Assert.True(Proc.IsAlive(daemon), $"daemon {daemon} died with its starter");
            var stat = Proc.Stat(daemon)!.Value;
            Assert.Equal(daemon, stat.Session);
            Assert.NotEqual(frontEnd.Pid, stat.ParentPid);
            Assert.NotEqual(frontEnd.ProcessGroupId, stat.Pgrp);
            Assert.True(await Proc.EventuallyAsync(() => File.ReadAllText(output) == "alive\n"));
        }
        finally
        {
            if (daemon > 0)
            {
                System.Diagnostics.Process.GetProcessById(daemon).Kill();
            }

            await frontEnd.DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }
}
