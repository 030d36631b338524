using AgentDeck.Cli.Commands.BenchModel;
using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Routing;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using AgentDeck.Core.Workers;
using AgentDeck.Discovery.Bench;
using AgentDeck.Ledger;
using NSubstitute;

namespace AgentDeck.Cli.Tests;

/// <summary>The bench loop with fake workers and a fake git: scratch repos, ledger records and honest checks.</summary>
public sealed class BenchSessionTests : IDisposable
{
    private static readonly BenchTarget Target = new("fast", AgentKind.Claude, "mock-fast");

    private readonly TempHome _home = new();
    private readonly SqliteRunLedger _ledger;
    private readonly IProcessRunner _git = Substitute.For<IProcessRunner>();
    private readonly List<WorkerLaunch> _launches = [];

    public BenchSessionTests()
    {
        _ledger = SqliteRunLedger.Open(new AgentDeckPaths(_home.Path));
        _git.RunAsync(Arg.Any<ProcessSpec>(), Arg.Any<string?>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>())
            .Returns(new ProcessResult(0, "", "", false));
    }

    public void Dispose()
    {
        _ledger.Dispose();
        _home.Dispose();
    }

    [Fact]
    public async Task Given_three_tasks_When_benched_Then_each_runs_in_its_own_repo_and_a_claimed_success_that_fails_its_check_is_recorded_failed()
    {
        var set = BenchTaskCatalog.BuiltIn();
        var workers = new FakeWorkers(_ledger, (task, cwd) => task switch
        {
            "create-file" => Done(cwd, "greeting.txt", "hello from the bench\n", "Created it."),
            "fix-bug" => Done(cwd, null, null, "Fixed the bug."), // says so, changes nothing
            _ => Done(cwd, null, null, "BANANA"),
        });

        var outcomes = await Session(workers).RunAsync(Target, set, null, CancellationToken.None);

        Assert.Equal([true, false, true], outcomes.Select(outcome => outcome.Passed));
        var fix = _ledger.FindRun(outcomes[1].Run.Id)!;
        Assert.Equal((RunStatus.Failed, FailureReasons.CheckFailed), (fix.Status, fix.FailureReason));
        Assert.Contains(_ledger.ReadEvents(fix.Id, 1, 10).Select(e => e.ToEvent()).OfType<Notice>(), n => n.Message.Contains("calc.py does not contain", StringComparison.Ordinal));
        Assert.All(outcomes, outcome => Assert.Equal(("fast", "mock-fast", outcome.Task.Role), (outcome.Run.Profile, outcome.Run.Model, outcome.Run.Role)));
        Assert.Equal(3, outcomes.Select(outcome => outcome.Run.Cwd).Distinct().Count());
        Assert.Equal("def add(a, b):\n    return a - b\n", File.ReadAllText(Path.Combine(outcomes[1].Run.Cwd!, "calc.py")));
        Assert.Equal([true, true, false], _launches.Select(launch => launch.Write));
        Assert.Equal(9, _git.ReceivedCalls().Count());
        var calibration = new Calibration(outcomes.Select(outcome => new RunOutcomeSample(outcome.Run.Role!, AgentKind.Claude, outcome.Run.Model!, outcome.Passed, null, 1)));
        Assert.Equal((2, 1), (calibration.Find("implementation", AgentKind.Claude, "mock-fast")!.Runs, calibration.Find("implementation", AgentKind.Claude, "mock-fast")!.Successes));
    }

    [Fact]
    public async Task Given_a_profile_whose_model_is_refused_When_benched_Then_every_run_failed_and_the_bench_says_it_could_not_run()
    {
        var workers = new FakeWorkers(_ledger, (_, _) => (RunStatus.Failed, FailureReasons.ModelRejected, null));

        var outcomes = await Session(workers).RunAsync(Target, BenchTaskCatalog.BuiltIn(), null, CancellationToken.None);

        Assert.All(outcomes, outcome => Assert.Null(outcome.Check));
        Assert.True(BenchReport.CouldNotRun(outcomes));
    }

    [Fact]
    public async Task Given_some_checks_failed_When_summarised_Then_the_summary_says_so_and_the_bench_still_ran()
    {
        var workers = new FakeWorkers(_ledger, (task, cwd) => Done(cwd, null, null, task == "read-answer" ? "BANANA" : "Done."));

        var outcomes = await Session(workers).RunAsync(Target, BenchTaskCatalog.BuiltIn(), null, CancellationToken.None);
        using var text = new StringWriter();
        BenchReport.WriteResults(text, outcomes, "/scratch");

        Assert.False(BenchReport.CouldNotRun(outcomes));
        Assert.Contains("1 of 3 task(s) passed their checks; 2 ended as the agent said but failed AgentDeck's check (recorded as failed: check_failed)", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("greeting.txt was not created", text.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_price_When_planning_Then_the_plan_states_the_expected_cost_and_that_tokens_are_spent()
    {
        using var text = new StringWriter();

        BenchReport.WritePlan(text, Target, BenchTaskCatalog.BuiltIn(), 0.01m);

        Assert.Contains("it spends tokens. Expected cost ≈ $0.0300 for all 3", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("fix-bug      implementation  write      calc.py contains \"return a + b\"", text.ToString(), StringComparison.Ordinal);
    }

    private BenchSession Session(IBenchWorkers workers) =>
        new(_ledger, workers, new BenchScratchRepos(_git, Path.Combine(_home.Path, "bench")), (task, cwd, id) =>
        {
            var launch = new WorkerLaunch(id, AgentKind.Claude, task.Prompt, cwd) { Role = task.Role, Write = task.Permission == RolePermission.Write };
            _launches.Add(launch);
            return launch;
        });

    private static (RunStatus Status, string? Reason, string? FinalText) Done(string cwd, string? file, string? content, string answer)
    {
        if (file is not null)
        {
            File.WriteAllText(Path.Combine(cwd, file), content);
        }

        return (RunStatus.Succeeded, null, answer);
    }

    /// <summary>Creates the run, lets the "agent" act on the scratch repo, and ends the run as the act says.</summary>
    private sealed class FakeWorkers(SqliteRunLedger ledger, Func<string, string, (RunStatus Status, string? Reason, string? FinalText)> act) : IBenchWorkers
    {
        public RunRecord Start(NewRun run, Func<string, WorkerLaunch> launchFor)
        {
            var record = ledger.CreateRun(run);
            launchFor(record.Id);
            return record;
        }

        public Task<RunRecord> WaitAsync(RunRecord run, CancellationToken cancellationToken)
        {
            var task = BenchTaskCatalog.BuiltIn().Tasks.Single(t => t.Prompt == run.Prompt).Name;
            var (status, reason, finalText) = act(task, run.Cwd!);
            ledger.AppendEvents(run.Id, [], new RunAggregates { Status = status, FailureReason = reason, FinalText = finalText, EndedAt = DateTimeOffset.UtcNow });
            return Task.FromResult(ledger.FindRun(run.Id)!);
        }
    }
}
