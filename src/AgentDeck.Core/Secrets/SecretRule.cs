namespace AgentDeck.Core.Secrets;

/// <summary>
/// One secret rule in the gitleaks model: a regular expression, the group that holds the secret itself, an entropy the
/// secret must reach, keywords one of which must appear in the text before the expression is tried, and exceptions.
/// </summary>
/// <param name="Id">Shown in the redaction, e.g. <c>[REDACTED:aws-access-token]</c>.</param>
/// <param name="Regex">A .NET regular expression (gitleaks' RE2 syntax is translated by the rule file reader).</param>
/// <param name="SecretGroup">The capture group holding the secret; 0 means the first group that matched, else the whole match.</param>
/// <param name="Entropy">The Shannon entropy (bits per character) the secret must reach; 0 means no minimum.</param>
public sealed record SecretRule(string Id, string Description, string Regex, int SecretGroup, double Entropy, IReadOnlyList<string> Keywords)
{
    public IReadOnlyList<SecretAllowlist> Allowlists { get; init; } = [];

    /// <summary>Where the rule came from (a file and its line), for messages.</summary>
    public string Source { get; init; } = "";
}
