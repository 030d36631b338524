namespace AgentDeck.Toml;

/// <summary>
/// A TOML document could not be read. The message is one line:
/// <c>config.toml:12:5: expected '=' after key "model"</c>.
/// </summary>
public sealed class TomlException : Exception
{
    public TomlException(string reason, TomlPosition position, string? sourceName = null)
        : base(Format(reason, position, sourceName))
    {
        Reason = reason;
        Position = position;
        SourceName = sourceName;
    }

    /// <summary>The problem alone, without source name or position.</summary>
    public string Reason { get; }

    public TomlPosition Position { get; }

    public int Line => Position.Line;

    public int Column => Position.Column;

    /// <summary>The file name or label given to the parser, if any.</summary>
    public string? SourceName { get; }

    private static string Format(string reason, TomlPosition position, string? sourceName) =>
        string.IsNullOrEmpty(sourceName)
            ? $"line {position.Line}, column {position.Column}: {reason}"
            : $"{sourceName}:{position.Line}:{position.Column}: {reason}";
}
