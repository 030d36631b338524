namespace AgentDeck.Core.Teams.Results;

/// <summary>
/// Finds the <c>agentdeck-result</c> block in a final answer: the last fenced block whose info string starts with
/// that tag. Fences are 3 or more backticks or tildes, may be indented, and close with a line of at least as many
/// of the same character (an unclosed fence runs to the end, as in CommonMark). Lines may end in CRLF. With no such
/// fence, an answer that is itself one JSON object is taken whole: that is what Codex prints under
/// <c>--output-schema</c>.
/// </summary>
public static class ResultBlockFinder
{
    public static string? Find(string finalAnswer)
    {
        var lines = finalAnswer.Split('\n');
        string? last = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!TryOpen(lines[i], out var fenceChar, out var fenceLength, out var tag))
            {
                continue;
            }

            var close = i + 1;
            while (close < lines.Length && !Closes(lines[close], fenceChar, fenceLength))
            {
                close++;
            }

            if (string.Equals(tag, ResultNames.FenceTag, StringComparison.OrdinalIgnoreCase))
            {
                last = string.Join('\n', lines[(i + 1)..close].Select(l => l.TrimEnd('\r')));
            }

            i = close;
        }

        return last ?? BareJsonObject(finalAnswer);
    }

    private static string? BareJsonObject(string finalAnswer)
    {
        var trimmed = finalAnswer.Trim();
        return trimmed.StartsWith('{') && trimmed.EndsWith('}') ? trimmed : null;
    }

    private static bool TryOpen(string line, out char fenceChar, out int fenceLength, out string tag)
    {
        var text = line.TrimEnd('\r').TrimStart();
        fenceChar = text.Length > 0 ? text[0] : '\0';
        fenceLength = Run(text, fenceChar);
        tag = "";
        if ((fenceChar != '`' && fenceChar != '~') || fenceLength < 3)
        {
            return false;
        }

        var info = text[fenceLength..].Trim();
        tag = info.Split([' ', '\t', '{'], 2)[0];
        return true;
    }

    private static bool Closes(string line, char fenceChar, int fenceLength)
    {
        var text = line.Trim();
        return Run(text, fenceChar) >= fenceLength && text.All(c => c == fenceChar);
    }

    private static int Run(string text, char c)
    {
        var n = 0;
        while (n < text.Length && text[n] == c)
        {
            n++;
        }

        return n;
    }
}
