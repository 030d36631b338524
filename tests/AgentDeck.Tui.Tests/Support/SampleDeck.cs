using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;
using AgentDeck.Core.Runs;
using AgentDeck.Tui.Model;

namespace AgentDeck.Tui.Tests.Support;

/// <summary>A fixed set of workers for golden screens: every figure known or deliberately unknown.</summary>
public static class SampleDeck
{
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static RunRecord Run(string id, string agent, string? role, string? model, RunStatus status, int startedMinutesAgo, decimal? cost, long input = 0, long output = 0) => new()
    {
        Id = id,
        Agent = agent,
        Role = role,
        Model = model,
        Status = status,
        StartedAt = Now.AddMinutes(-startedMinutesAgo),
        EndedAt = status is RunStatus.Succeeded or RunStatus.Failed ? Now.AddMinutes(-1) : null,
        CostUsd = cost,
        Tokens = new TokenUsage(input, 0, 0, output, 0),
        ToolCalls = 3,
        UpdatedAt = Now,
    };

    public static IReadOnlyList<WorkerView> Workers() =>
    [
        new(Run("01jrun0001", "claude", "implementer", "sonnet", RunStatus.Running, 5, 0.0123m, 12000, 3400) with
            {
                Route = new RunRoute("claude", "sonnet", null, "best of 3 for implementer; trait fit 83% (code, tool use)"),
            },
            "tool Bash", "Bash dotnet test", ["I'll run the tests first.", "All 42 tests pass."], true),
        new(Run("01jrun0002", "codex", "reviewer", "gpt-5", RunStatus.Waiting, 12, null, 800, 90),
            "waiting for permission: Edit", "Edit src/App.cs", ["Reviewing the diff…"], false),
        new(Run("01jrun0003", "gemini", null, null, RunStatus.Succeeded, 65, 1.5m, 250000, 12000) with { FilesTouched = ["src/A.cs", "README.md"], Team = "t1", FinalText = "Done: fixed the bug.", DeniedToolCalls = 3 },
            "turn succeeded", null, ["Done: fixed the bug."], false),
        new(Run("01jrun0004", "opencode", "tester", "qwen", RunStatus.Failed, 3, 0.2m) with { Team = "t1", FailureReason = "api_error" },
            "API error", "Read tests/x.cs", ["! rate limited"], false),
    ];

    public static DeckSnapshot Snapshot(IReadOnlyList<WorkerView>? workers = null) => new()
    {
        Workers = workers ?? Workers(),
        Now = Now,
        Version = 1,
        ScopeLabel = "runs in agentdeck",
        CostGuard = CostGuard(),
    };

    /// <summary>[limits] with both budgets, today's spend over the ledger, one queued run, and worker 1's supervisor answering.</summary>
    public static DeckCostGuard CostGuard() => new()
    {
        Limits = CostGuardSettings.Default with { GlobalBudgetUsd = 5m, RunBudgetUsd = 2m, GlobalWarningFraction = 0.5m },
        Today = new DaySpend(1.7123m, 5, 1),
        Active = 2,
        Queued = 1,
        Live = new Dictionary<string, WorkerSpend> { ["01jrun0001"] = new(0.0123m, 0.004m, 2m) },
    };

    public static IReadOnlyList<StoredEvent> Transcript(string runId) => Stored(runId,
    [
        new UserMessage("Fix the failing test"),
        new Thinking("Let me look ", true),
        new Thinking("at the test output.", true),
        new Thinking("Let me look at the test output.", false),
        new AssistantText("I'll run the tests first.", false),
        new ToolCallStarted("c1", "Bash", "dotnet test", []),
        new ToolCallFinished("c1", "Bash", "Passed: 41\nFailed: 1", false, []),
        new AssistantText("One test fails; ", true),
        new AssistantText("fixing it now.", true),
        new ToolCallStarted("c2", "Edit", "src/App.cs", ["src/App.cs"]),
        new ToolCallFinished("c2", "Edit", "ok", false, ["src/App.cs"]),
        new AssistantText("All 42 tests pass.\u001b[31m (no colour)", false),
        new TurnCompleted(TurnOutcome.Succeeded, "All 42 tests pass.", null),
    ]);

    public static IReadOnlyList<StoredEvent> Stored(string runId, IReadOnlyList<AgentEvent> events) =>
        events.Select((e, i) => new StoredEvent(runId, i + 1, i + 1, RunStream.Stdout, Now, e.GetType().Name, EventJson.Serialize(e), null)).ToList();
}
