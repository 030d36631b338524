using System.Text;
using AgentDeck.Toml.Parsing;

namespace AgentDeck.Toml;

/// <summary>Converts between TOML dotted keys (<c>a."b.c".d</c>) and lists of raw keys.</summary>
public static class TomlKeyPath
{
    /// <summary>Splits a dotted key into raw keys, honouring quotes. Throws <see cref="ArgumentException"/> if malformed.</summary>
    public static IReadOnlyList<string> Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var lexer = new TomlLexer(new SourceCursor(path, null));
            var segments = KeyReader.Read(lexer, lexer.NextKeyToken(), out var terminator);
            if (terminator.Kind != TokenKind.EndOfFile)
            {
                throw new ArgumentException(
                    $"'{path}' is not a TOML dotted key: unexpected {terminator.Describe()} at column {terminator.Position.Column}",
                    nameof(path));
            }

            return segments.Select(segment => segment.Name).ToArray();
        }
        catch (TomlException problem)
        {
            throw new ArgumentException($"'{path}' is not a TOML dotted key: {problem.Reason}", nameof(path), problem);
        }
    }

    /// <summary>Joins raw keys into a dotted key, quoting the ones that are not bare.</summary>
    public static string Format(IEnumerable<string> keys) => string.Join('.', keys.Select(FormatOne));

    private static string FormatOne(string key)
    {
        if (key.Length > 0 && key.All(c => CharRules.IsBareKeyChar(c)))
        {
            return key;
        }

        var quoted = new StringBuilder(key.Length + 2).Append('"');
        foreach (var c in key)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when CharRules.IsForbiddenControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
