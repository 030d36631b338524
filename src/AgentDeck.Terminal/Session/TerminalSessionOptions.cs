namespace AgentDeck.Terminal;

/// <summary>Which terminal modes a <see cref="TerminalSession"/> turns on, and its colour depth.</summary>
public sealed record TerminalSessionOptions
{
    public bool AlternateScreen { get; init; } = true;
    public bool Mouse { get; init; } = true;
    public bool BracketedPaste { get; init; } = true;
    public bool FocusReporting { get; init; } = true;

    /// <summary>Null: detect from the environment (NO_COLOR, COLORTERM, TERM).</summary>
    public ColorDepth? ColorDepth { get; init; }

    public TimeSpan EscapeTimeout { get; init; } = TimeSpan.FromMilliseconds(50);
}
