namespace AgentDeck.Toml;

/// <summary>Any TOML value: a scalar, an array or a table.</summary>
public abstract class TomlValue
{
    private protected TomlValue(TomlPosition position)
    {
        Position = position;
    }

    /// <summary>Where the value starts in the source (for a table: its header or first mention).</summary>
    public TomlPosition Position { get; private protected set; }

    public abstract TomlValueKind Kind { get; }

    /// <summary>The TOML type name used in messages: "string", "integer", "table", ...</summary>
    public string KindName => Kind switch
    {
        TomlValueKind.DateTime => "date-time",
        TomlValueKind.Boolean => "boolean",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
