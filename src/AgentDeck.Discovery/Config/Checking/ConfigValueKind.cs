namespace AgentDeck.Discovery.Config.Checking;

/// <summary>What a configuration reader found at a key, whichever reader it was (the checker knows no TOML library).</summary>
public enum ConfigValueKind
{
    String,
    Integer,
    Float,
    Boolean,
    DateTime,
    Array,
    Table,
}
