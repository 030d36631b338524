using System.Diagnostics;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Ledger.Tests.Support;

namespace AgentDeck.Ledger.Tests;

/// <summary>Several writers on one ledger file at once, each with its own connection: no write lost, seq gapless per run.</summary>
public sealed class ConcurrentWriterTests : IDisposable
{
    private const int PerRun = 1000;
    private const int Batch = 7;

    private readonly TempState _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Given_threads_with_their_own_connections_When_appending_to_shared_runs_Then_every_event_is_there_in_gapless_order()
    {
        var runs = CreateRuns(3);
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            using var ledger = _state.Open(new LedgerOptions { BusyTimeout = TimeSpan.FromSeconds(30) });
            for (var start = 0; start < PerRun; start += Batch)
            {
                foreach (var run in runs)
                {
                    var batch = Enumerable.Range(start, Math.Min(Batch, PerRun - start))
                        .Select(n => new EventToAppend(new Notice("info", $"t{w}:{run}:{n}"), RunStream.Stdout, n + 1, DateTimeOffset.UtcNow))
                        .ToArray();
                    ledger.AppendEvents(run, batch);
                }
            }
        })).ToArray();

        await Task.WhenAll(writers);

        AssertComplete(runs, Enumerable.Range(0, 4).Select(w => $"t{w}").ToArray());
    }

    [Fact]
    public async Task Given_several_OS_processes_When_appending_to_shared_runs_at_once_Then_every_event_is_there_in_gapless_order()
    {
        var runs = CreateRuns(2);
        var writers = new[] { "p0", "p1", "p2" };

        var gate = Path.Combine(_state.Directory, "start-gate");
        var processes = writers.Select(name => StartWriter(name, gate, runs)).ToArray();
        await File.WriteAllTextAsync(gate, "go");
        using var inProcess = _state.Open(new LedgerOptions { BusyTimeout = TimeSpan.FromSeconds(30) });
        foreach (var run in runs)
        {
            inProcess.AppendEvents(run, [new EventToAppend(new Notice("info", $"host:{run}:0"), RunStream.Stdout, 1, DateTimeOffset.UtcNow)]);
        }

        foreach (var process in processes)
        {
            using (process)
            {
                var stderr = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
                Assert.True(process.ExitCode == 0, $"writer process failed ({process.ExitCode}): {await stderr}");
            }
        }

        AssertComplete(runs, writers, extraPerRun: 1);
    }

    [Fact]
    public async Task Given_no_ledger_yet_When_several_writers_open_it_at_once_Then_it_is_created_and_migrated_once()
    {
        var created = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            using var ledger = _state.Open(new LedgerOptions { BusyTimeout = TimeSpan.FromSeconds(30) });
            return ledger.CreateRun(new NewRun("claude")).Id;
        })));

        using var reader = _state.Open(new LedgerOptions { ReadOnly = true });
        Assert.Equal(created.Order(), reader.ListRuns(new RunQuery()).Select(r => r.Id).Order());
    }

    private string[] CreateRuns(int count)
    {
        using var ledger = _state.Open();
        return Enumerable.Range(0, count).Select(_ => ledger.CreateRun(new NewRun("claude")).Id).ToArray();
    }

    private Process StartWriter(string name, string gate, string[] runs)
    {
        var helper = Path.Combine(AppContext.BaseDirectory, "AgentDeck.Ledger.WriterProcess.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { helper, "append", _state.LedgerFile, name, PerRun.ToString(), Batch.ToString(), gate }.Concat(runs))
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private void AssertComplete(string[] runs, string[] writers, int extraPerRun = 0)
    {
        using var ledger = _state.Open(new LedgerOptions { ReadOnly = true });
        foreach (var run in runs)
        {
            var events = ledger.ReadEvents(run, 1, 1_000_000);
            Assert.Equal(Enumerable.Range(1, writers.Length * PerRun + extraPerRun).Select(i => (long)i), events.Select(e => e.Seq));
            var messages = events.Select(e => ((Notice)e.ToEvent()!).Message).ToHashSet();
            foreach (var writer in writers)
            {
                Assert.All(Enumerable.Range(0, PerRun), n => Assert.Contains($"{writer}:{run}:{n}", messages));
            }

            Assert.Equal(events.Count, ledger.FindRun(run)!.EventCount);
        }
    }
}
