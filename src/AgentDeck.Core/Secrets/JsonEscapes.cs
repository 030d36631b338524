namespace AgentDeck.Core.Secrets;

/// <summary>
/// A line as a secret rule should see it: inside a JSON string an agent prints a newline as <c>\n</c>, so a token
/// on the next line of a file would follow the letter <c>n</c> and lose its word boundary. The whitespace escapes
/// (<c>\n \r \t \b \f</c>) become two spaces and the backslash of <c>\"</c> and <c>\/</c> one space: the same length, so
/// every offset still points into the original line.
/// </summary>
public static class JsonEscapes
{
    public static string Unfolded(string line)
    {
        var at = line.IndexOf('\\');
        if (at < 0)
        {
            return line;
        }

        return string.Create(line.Length, line, static (chars, source) =>
        {
            source.AsSpan().CopyTo(chars);
            for (var i = 0; i < chars.Length - 1; i++)
            {
                if (chars[i] != '\\')
                {
                    continue;
                }

                switch (chars[i + 1])
                {
                    case 'n' or 'r' or 't' or 'b' or 'f':
                        chars[i] = ' ';
                        chars[i + 1] = ' ';
                        break;
                    case '"' or '/':
                        chars[i] = ' ';
                        break;
                }

                i++; // the escaped character is never the start of another escape
            }
        });
    }
}
