namespace AgentDeck.Terminal.Input;

/// <summary>Parses the body of an SGR 1006 mouse report: CSI &lt; b ; x ; y (M press | m release).</summary>
internal static class SgrMouse
{
    private const int Shift = 4;
    private const int Alt = 8;
    private const int Ctrl = 16;
    private const int Motion = 32;
    private const int Wheel = 64;

    public static bool TryParse(ReadOnlySpan<char> body, bool pressed, out MouseEvent mouse)
    {
        mouse = null!;
        Span<Range> parts = stackalloc Range[4];
        if (body.Split(parts, ';') != 3
            || !int.TryParse(body[parts[0]], out var code)
            || !int.TryParse(body[parts[1]], out var x)
            || !int.TryParse(body[parts[2]], out var y)
            || x < 1 || y < 1 || code < 0)
        {
            return false;
        }

        var modifiers = KeyModifiers.None;
        if ((code & Shift) != 0) modifiers |= KeyModifiers.Shift;
        if ((code & Alt) != 0) modifiers |= KeyModifiers.Alt;
        if ((code & Ctrl) != 0) modifiers |= KeyModifiers.Ctrl;

        var buttonBits = code & 3;
        MouseAction action;
        var button = MouseButton.None;
        if ((code & Wheel) != 0)
        {
            action = buttonBits switch
            {
                0 => MouseAction.WheelUp,
                1 => MouseAction.WheelDown,
                2 => MouseAction.WheelLeft,
                _ => MouseAction.WheelRight,
            };
        }
        else
        {
            button = buttonBits switch
            {
                0 => MouseButton.Left,
                1 => MouseButton.Middle,
                2 => MouseButton.Right,
                _ => MouseButton.None,
            };
            action = (code & Motion) != 0
                ? button == MouseButton.None ? MouseAction.Move : MouseAction.Drag
                : pressed ? MouseAction.Press : MouseAction.Release;
        }

        mouse = new MouseEvent(action, button, x - 1, y - 1, modifiers);
        return true;
    }
}
