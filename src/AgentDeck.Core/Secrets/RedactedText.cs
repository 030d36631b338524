namespace AgentDeck.Core.Secrets;

/// <summary>A text with its secrets replaced, and where they were (offsets into the text before redaction).</summary>
public sealed record RedactedText(string Text, IReadOnlyList<SecretHit> Hits)
{
    public bool Changed => Hits.Count > 0;
}
