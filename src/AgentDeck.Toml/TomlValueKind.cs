namespace AgentDeck.Toml;

public enum TomlValueKind
{
    String,
    Integer,
    Float,
    Boolean,
    DateTime,
    Array,
    Table,
}
