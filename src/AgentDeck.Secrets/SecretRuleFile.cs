using AgentDeck.Core.Secrets;

namespace AgentDeck.Secrets;

/// <summary>The rules, global allowlists and warnings read from one gitleaks-format rule file.</summary>
public sealed record SecretRuleFile(IReadOnlyList<SecretRule> Rules, IReadOnlyList<SecretAllowlist> Allowlists, IReadOnlyList<string> Warnings);
