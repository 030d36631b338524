namespace AgentDeck.Core.Runs;

/// <summary>The sequence numbers a batch of events received; <see cref="Count"/> zero means nothing was appended.</summary>
public readonly record struct AppendResult(long FirstSeq, long LastSeq, int Count);
