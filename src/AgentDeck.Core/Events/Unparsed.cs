namespace AgentDeck.Core.Events;

/// <summary>A line the parser could not read. <see cref="Raw"/> keeps it (invalid UTF-8 is replaced; the ledger keeps the bytes).</summary>
public sealed record Unparsed(string Raw, string Reason) : AgentEvent
{
    public override string Kind => EventKinds.Unparsed;
}
