namespace AgentDeck.Terminal;

/// <summary>How many colours the terminal can show; RGB and indexed colours are downsampled to fit.</summary>
public enum ColorDepth
{
    None = 0,
    Ansi16 = 1,
    Ansi256 = 2,
    TrueColor = 3,
}
