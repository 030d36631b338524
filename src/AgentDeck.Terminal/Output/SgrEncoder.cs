namespace AgentDeck.Terminal;

/// <summary>
/// Builds the SGR parameters that take the terminal from one style to another: either incremental
/// (turn off what went, set what changed) or a reset followed by the whole new style, whichever is shorter.
/// </summary>
internal static class SgrEncoder
{
    private static readonly (TextAttributes Attribute, int On)[] AttributeCodes =
    [
        (TextAttributes.Bold, 1), (TextAttributes.Dim, 2), (TextAttributes.Italic, 3),
        (TextAttributes.Underline, 4), (TextAttributes.Reverse, 7), (TextAttributes.Strikethrough, 9),
    ];

    private static readonly (TextAttributes Attribute, int Off)[] OffCodes =
    [
        (TextAttributes.Italic, 23), (TextAttributes.Underline, 24), (TextAttributes.Reverse, 27), (TextAttributes.Strikethrough, 29),
    ];

    /// <summary>Appends the parameters (without ESC [ and m) that change <paramref name="from"/> into <paramref name="to"/>.</summary>
    public static void Transition(Style? from, Style to, List<int> parameters)
    {
        parameters.Clear();
        if (from is { } current)
        {
            Incremental(current, to, parameters);
            var incrementalLength = Length(parameters);
            var resetStart = parameters.Count;
            parameters.Add(0);
            Full(to, parameters);
            if (Length(parameters, resetStart) < incrementalLength)
            {
                parameters.RemoveRange(0, resetStart);
            }
            else
            {
                parameters.RemoveRange(resetStart, parameters.Count - resetStart);
            }

            return;
        }

        parameters.Add(0);
        Full(to, parameters);
    }

    private static void Full(Style style, List<int> parameters)
    {
        foreach (var (attribute, on) in AttributeCodes)
        {
            if (style.Attributes.HasFlag(attribute))
            {
                parameters.Add(on);
            }
        }

        if (style.Foreground.Kind != ColorKind.Default)
        {
            AddColor(style.Foreground, foreground: true, parameters);
        }

        if (style.Background.Kind != ColorKind.Default)
        {
            AddColor(style.Background, foreground: false, parameters);
        }
    }

    private static void Incremental(Style from, Style to, List<int> parameters)
    {
        var removed = from.Attributes & ~to.Attributes;
        var added = to.Attributes & ~from.Attributes;
        const TextAttributes intensity = TextAttributes.Bold | TextAttributes.Dim;
        if ((removed & intensity) != 0)
        {
            // 22 turns off both bold and dim; put back the one that stays.
            parameters.Add(22);
            added |= to.Attributes & intensity;
        }

        foreach (var (attribute, off) in OffCodes)
        {
            if (removed.HasFlag(attribute))
            {
                parameters.Add(off);
            }
        }

        foreach (var (attribute, on) in AttributeCodes)
        {
            if (added.HasFlag(attribute))
            {
                parameters.Add(on);
            }
        }

        if (from.Foreground != to.Foreground)
        {
            AddColor(to.Foreground, foreground: true, parameters);
        }

        if (from.Background != to.Background)
        {
            AddColor(to.Background, foreground: false, parameters);
        }
    }

    private static void AddColor(TerminalColor color, bool foreground, List<int> parameters)
    {
        var offset = foreground ? 0 : 10;
        switch (color.Kind)
        {
            case ColorKind.Default:
                parameters.Add(39 + offset);
                break;
            case ColorKind.Ansi16:
                parameters.Add(color.Index < 8 ? 30 + offset + color.Index : 90 + offset + color.Index - 8);
                break;
            case ColorKind.Indexed:
                parameters.Add(38 + offset);
                parameters.Add(5);
                parameters.Add(color.Index);
                break;
            default:
                parameters.Add(38 + offset);
                parameters.Add(2);
                parameters.Add(color.R);
                parameters.Add(color.G);
                parameters.Add(color.B);
                break;
        }
    }

    private static int Length(List<int> parameters, int start = 0)
    {
        var length = 0;
        for (var i = start; i < parameters.Count; i++)
        {
            length += AnsiOutput.Digits(parameters[i]) + 1;
        }

        return length;
    }
}
