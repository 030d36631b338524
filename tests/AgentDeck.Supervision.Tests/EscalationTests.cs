using AgentDeck.Core;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;
using AgentDeck.Supervision.Escalation;
using AgentDeck.Supervision.Tests.Support;
using AgentDeck.TestSupport;

namespace AgentDeck.Supervision.Tests;

/// <summary>A failed run whose launch carries a planned fallback gets one child run on the fallback profile.</summary>
public sealed class EscalationTests : IDisposable
{
    private readonly TempState _state = new();
    private readonly FakeProcessRunner _runner = new();
    private readonly List<WorkerLaunch> _started = [];

    public void Dispose() => _state.Dispose();

    [Fact]
    public async Task Given_a_crashed_run_with_a_fallback_When_it_ends_Then_one_child_runs_the_same_task_on_the_fallback_and_succeeds()
    {
        var parent = _state.Ledger.CreateRun(new NewRun("claude") { Prompt = "fix it", Role = "implementation", Profile = "fast", Model = "mock-fast", Cwd = "/repo" });
        var launch = Launch(parent.Id);
        _runner.ExpectAgent().Stdout("%%% not the protocol");
        _runner.ExpectAgent().Stdout("turn", "text fixed", "done");

        var final = await Supervised.Create(_state, _runner, parent.Id).RunAsync();
        var child = Escalator().AfterRun(launch, final)!;
        var childFinal = await Supervised.Create(_state, _runner, child.Id).RunAsync();

        _runner.VerifyAllCalled();
        Assert.Equal((RunStatus.Failed, FailureReasons.Crash), (final.Status, final.FailureReason));
        Assert.Equal(RunStatus.Succeeded, childFinal.Status);
        Assert.Equal((parent.Id, "implementation", "fix it", "/repo", "deep", "mock-deep"),
            (child.ParentRun, child.Role, child.Prompt, child.Cwd, child.Profile, child.Model));
        var started = Assert.Single(_started);
        Assert.Equal((child.Id, AgentKind.Codex, "mock-deep", true), (started.RunId, started.Agent, started.Model, started.Write));
        Assert.Null(started.Fallback);
        Assert.Equal(child.Id, EscalationLinks.EscalatedTo(_state.Ledger, _state.Ledger.FindRun(parent.Id)!));
        Assert.Contains(Notices(parent.Id), n => n.Source == RunEscalator.NoticeSource && n.Message.Contains($"escalated to run {child.Id} on profile deep (codex/mock-deep)", StringComparison.Ordinal));
        Assert.StartsWith($"escalation of run {parent.Id}", Notices(child.Id)[0].Message, StringComparison.Ordinal);
        Assert.Null(EscalationLinks.EscalatedTo(_state.Ledger, childFinal));
    }

    [Theory]
    [InlineData(RunStatus.Failed, FailureReasons.ApiError, true)]
    [InlineData(RunStatus.Failed, FailureReasons.ModelRejected, true)]
    [InlineData(RunStatus.Failed, FailureReasons.Crash, true)]
    [InlineData(RunStatus.Failed, FailureReasons.MaxTurns, true)]
    [InlineData(RunStatus.Failed, FailureReasons.Budget, false)]
    [InlineData(RunStatus.Failed, FailureReasons.Timeout, false)]
    [InlineData(RunStatus.Stopped, null, false)]
    [InlineData(RunStatus.Interrupted, FailureReasons.Aborted, false)]
    [InlineData(RunStatus.Succeeded, null, false)]
    public void Given_an_ended_run_When_deciding_Then_only_failures_a_stronger_model_may_fix_escalate(RunStatus status, string? reason, bool escalates)
    {
        var parent = _state.NewRun();
        var final = _state.Ledger.UpdateRun(parent.Id, new RunUpdate { Status = status, FailureReason = reason });

        var child = Escalator().AfterRun(Launch(parent.Id), final);

        Assert.Equal(escalates, child is not null);
        Assert.Equal(escalates ? 1 : 0, _started.Count);
    }

    [Fact]
    public void Given_no_fallback_or_a_resumed_session_When_the_run_failed_Then_nothing_escalates()
    {
        var parent = _state.NewRun();
        var final = _state.Ledger.UpdateRun(parent.Id, new RunUpdate { Status = RunStatus.Failed, FailureReason = FailureReasons.ApiError });

        Assert.Null(Escalator().AfterRun(Launch(parent.Id) with { Fallback = null }, final));
        Assert.Null(Escalator().AfterRun(Launch(parent.Id) with { ResumeSessionId = "s1" }, final));
        Assert.Empty(_started);
        Assert.Null(EscalationLinks.EscalatedTo(_state.Ledger, final));
    }

    [Fact]
    public void Given_the_fallback_cannot_start_When_escalating_Then_the_failed_run_says_why_and_nothing_is_returned()
    {
        var parent = _state.NewRun();
        var final = _state.Ledger.UpdateRun(parent.Id, new RunUpdate { Status = RunStatus.Failed, FailureReason = FailureReasons.ApiError });
        var escalator = new RunEscalator(_state.Ledger, (_, _) => throw new InvalidOperationException("codex is not installed"));

        Assert.Null(escalator.AfterRun(Launch(parent.Id), final));
        Assert.Contains(Notices(parent.Id), n => n.Level == "error" && n.Message.EndsWith("could not start: codex is not installed", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_launch_with_a_fallback_When_saved_and_loaded_Then_the_fallback_survives()
    {
        var run = _state.NewRun();
        var files = new RunFiles(_state.Paths, run.Id);

        LaunchFile.Save(files, Launch(run.Id));
        var loaded = LaunchFile.Load(files);

        Assert.Equal(("deep", AgentKind.Codex, "mock-deep"), (loaded.Fallback!.Profile, loaded.Fallback.Agent, loaded.Fallback.Model));
        Assert.Equal(["-m", "mock-deep"], loaded.Fallback.ExtraArguments);
        Assert.Null(loaded.Fallback.Fallback);
    }

    private RunEscalator Escalator() => new(_state.Ledger, (run, launchFor) =>
    {
        var record = _state.Ledger.CreateRun(run);
        _started.Add(launchFor(record.Id));
        return record;
    });

    private static WorkerLaunch Launch(string runId)
    {
        var launch = new WorkerLaunch(runId, AgentKind.Claude, "fix it", "/repo") { Role = "implementation", Profile = "fast", Model = "mock-fast", Write = true };
        return launch with
        {
            Fallback = launch with { RunId = "", Agent = AgentKind.Codex, Profile = "deep", Model = "mock-deep", ExtraArguments = ["-m", "mock-deep"] },
        };
    }

    private List<Notice> Notices(string runId) =>
        _state.Ledger.ReadEvents(runId, 1, 100).Select(e => e.ToEvent()).OfType<Notice>().ToList();
}
