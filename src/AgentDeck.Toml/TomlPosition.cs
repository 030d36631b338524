namespace AgentDeck.Toml;

/// <summary>A 1-based line and column in a TOML source. Columns count Unicode code points.</summary>
public readonly record struct TomlPosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
