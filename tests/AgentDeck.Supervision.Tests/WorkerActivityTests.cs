using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Core.Workers;

namespace AgentDeck.Supervision.Tests;

public sealed class WorkerActivityTests
{
    [Theory]
    [InlineData(401, "authentication_failed", 10, "retrying: API 401, attempt 4 of 10")]
    [InlineData(null, "overloaded", null, "retrying: API overloaded, attempt 4")]
    [InlineData(null, null, null, "retrying: API error, attempt 4")]
    public void Given_api_retries_When_applied_Then_the_phase_names_the_failure_and_the_attempt(int? status, string? error, int? max, string expected)
    {
        var activity = new WorkerActivity();
        activity.Apply(new SessionStarted("s1", "claude-test", null, []));
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.True(activity.Apply(new ApiRetry(attempt, max, status, error, 500)));
        }

        Assert.Equal((RunStatus.Running, WorkerPhase.Retrying, expected), (activity.Status, activity.Phase, activity.PhaseText));

        activity.Apply(new AssistantText("answer", true));
        Assert.Equal("responding", activity.PhaseText);
    }

    [Fact]
    public void Given_a_turn_When_events_arrive_Then_phase_follows_thinking_tool_responding_and_ends_idle()
    {
        var activity = new WorkerActivity();
        Assert.Equal(RunStatus.Starting, activity.Status);

        activity.Apply(new TurnStarted("t1"));
        Assert.Equal((RunStatus.Running, WorkerPhase.Thinking), (activity.Status, activity.Phase));

        activity.Apply(new ToolCallStarted("c1", "Bash", "ls", []));
        Assert.Equal(WorkerPhase.Tool, activity.Phase);

        activity.Apply(new ToolCallFinished("c1", "Bash", "ok", false, []));
        Assert.Equal(WorkerPhase.Thinking, activity.Phase);

        activity.Apply(new AssistantText("hi", true));
        Assert.Equal(WorkerPhase.Responding, activity.Phase);

        activity.Apply(new TurnCompleted(TurnOutcome.Succeeded, "hi", null));
        Assert.Equal((RunStatus.Idle, WorkerPhase.None, 1), (activity.Status, activity.Phase, activity.TurnsCompleted));
    }

    [Fact]
    public void Given_a_permission_request_When_pending_Then_waiting_until_the_tool_goes_on()
    {
        var activity = new WorkerActivity();
        activity.Apply(new TurnStarted(null));
        activity.Apply(new ToolCallStarted("c1", "Write", "a.txt", ["a.txt"]));

        Assert.True(activity.Apply(new PermissionRequested("r1", "Write", "a.txt")));
        Assert.Equal(RunStatus.Waiting, activity.Status);

        activity.Apply(new ToolCallFinished("c1", "Write", "ok", false, ["a.txt"]));
        Assert.Equal(RunStatus.Running, activity.Status);
    }

    [Fact]
    public void Given_an_idle_session_When_a_new_turn_starts_Then_running_again()
    {
        var activity = new WorkerActivity();
        activity.Apply(new TurnCompleted(TurnOutcome.Succeeded, null, null));
        activity.Apply(new UserMessage("more"));
        Assert.Equal(RunStatus.Running, activity.Status);
    }
}
