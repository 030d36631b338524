namespace AgentDeck.Discovery.Config.Checking;

/// <summary>One key a table may hold (<c>*</c>: any key), its type and, for numbers, the range it must lie in.</summary>
public sealed record ConfigKeyRule(string Key, ConfigKeyType Type, decimal? Minimum = null, decimal? Maximum = null);
