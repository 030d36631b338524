namespace AgentDeck.Ledger;

/// <summary>Where a raw line sits in its run's stdout.log or stderr.log (the stream is the event's own).</summary>
internal readonly record struct RawPlace(long Offset, int Length)
{
    public static RawPlace None => new(-1, 0);

    public bool IsLogged => Offset >= 0;
}
