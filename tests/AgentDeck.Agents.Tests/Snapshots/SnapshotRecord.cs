using AgentDeck.Core.Events;

namespace AgentDeck.Agents.Tests.Snapshots;

/// <summary>
/// One input and what today's parser made of it. <see cref="Line"/> is 1-based; null for the events of
/// <c>Complete</c>. <see cref="JsonParser"/> is false for Claude's plain-text captures, which no JSON layer reads.
/// </summary>
internal sealed record SnapshotRecord(string File, int? Line, string Mutation, byte[] Input, bool JsonParser, IReadOnlyList<AgentEvent> Events);
