namespace AgentDeck.Core.Secrets;

/// <summary>What an allowlist's expressions are matched against (gitleaks' <c>regexTarget</c>).</summary>
public enum SecretAllowTarget
{
    Secret,
    Match,
    Line,
}
