namespace AgentDeck.Terminal;

/// <summary>The operating-system side of a terminal session: mode switching, size and raw input bytes.</summary>
internal interface ITerminalDevice
{
    /// <summary>Saves the current mode and switches to raw mode.</summary>
    void EnterRawMode();

    /// <summary>Puts back the mode saved by <see cref="EnterRawMode"/>; safe to call more than once.</summary>
    void RestoreMode();

    /// <summary>Columns and rows, or null when the size cannot be read.</summary>
    (int Width, int Height)? GetSize();

    /// <summary>Waits up to <paramref name="timeoutMilliseconds"/> for input; returns the bytes read (0 on timeout).</summary>
    int Read(Span<byte> buffer, int timeoutMilliseconds);
}
