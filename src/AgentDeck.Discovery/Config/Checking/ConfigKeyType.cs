namespace AgentDeck.Discovery.Config.Checking;

/// <summary>The type a configuration key must have (config-schema.yaml's <c>type</c>).</summary>
public enum ConfigKeyType
{
    String,
    Integer,
    Number,
    Boolean,
    Strings,
    StringOrStrings,
    Scalar,
    Table,
}
