using Spectre.Console;

namespace AgentDeck.Terminal;

/// <summary>What Spectre.Console may assume while rendering into a cell buffer: Unicode and every colour (the diff writer downsamples).</summary>
internal sealed class SpectreCapabilities : IReadOnlyCapabilities
{
    public static SpectreCapabilities Instance { get; } = new();

    public ColorSystem ColorSystem => ColorSystem.TrueColor;
    public bool Ansi => true;
    public bool Links => false;
    public bool Legacy => false;
    public bool IsTerminal => true;
    public bool Interactive => false;
    public bool Unicode => true;
}
