namespace AgentDeck.Core.Secrets;

/// <summary>
/// A secret found in a text: which rule, where (UTF-16 offsets into the text scanned) and a fingerprint that tells
/// two hits of the same secret apart from others without holding the value.
/// </summary>
public readonly record struct SecretHit(string RuleId, int Start, int Length, string Fingerprint)
{
    public int End => Start + Length;
}
