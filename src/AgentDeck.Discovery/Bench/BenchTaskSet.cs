using AgentDeck.Core.Events;

namespace AgentDeck.Discovery.Bench;

/// <summary>The tasks of a bench and the token usage one task is expected to take (for the cost estimate).</summary>
public sealed record BenchTaskSet(IReadOnlyList<BenchTask> Tasks, TokenUsage EstimatePerTask, string Source);
