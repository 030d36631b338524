using System.Text.RegularExpressions;

namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// Turns a claim into weighted tokens for <see cref="ClaimSimilarity"/>. Three kinds of token:
/// <list type="bullet">
/// <item>identifiers and paths (<c>login()</c>, <c>user_id</c>, <c>RunRecorder</c>, <c>src/auth.py</c>,
/// <c>Auth.Login</c>): split at <c>. / : #</c> into lower-case parts (a part of letters only is stemmed like a
/// word, so <c>Storage.Open</c> meets "the storage folder"), weight <see cref="IdentifierWeight"/>, because
/// naming the same code is the strongest sign two claims are about one thing;</item>
/// <item>acronyms (<c>SQL</c>, <c>XSS</c>), weight <see cref="AcronymWeight"/>;</item>
/// <item>other words, stemmed (<see cref="WordStemmer"/>) and mapped through the synonym groups, weight 1;
/// stop words are dropped.</item>
/// </list>
/// A token that appears twice counts once, with its highest weight.
/// </summary>
public static partial class ClaimTokenizer
{
    public const double IdentifierWeight = 3;
    public const double AcronymWeight = 2;
    public const double WordWeight = 1;

    public static Dictionary<string, double> Tokenize(string claim, ClaimWords words)
    {
        var tokens = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (Match match in RawToken().Matches(claim))
        {
            var raw = match.Value.TrimEnd('.', ':', '/', '#');
            if (IsIdentifier(raw))
            {
                foreach (var part in raw.Replace("()", "", StringComparison.Ordinal).ToLowerInvariant().Split(['.', '/', ':', '#'], StringSplitOptions.RemoveEmptyEntries))
                {
                    Add(tokens, words, part.All(char.IsAsciiLetter) ? Word(part, words) : part, IdentifierWeight);
                }
            }
            else if (raw.Length >= 2 && raw.All(char.IsAsciiLetterUpper))
            {
                Add(tokens, words, raw.ToLowerInvariant(), AcronymWeight);
            }
            else
            {
                Add(tokens, words, Word(raw.ToLowerInvariant(), words), WordWeight);
            }
        }

        return tokens;
    }

    private static string Word(string lower, ClaimWords words)
    {
        var stem = WordStemmer.Stem(lower);
        return words.Same.GetValueOrDefault(stem, stem);
    }

    private static bool IsIdentifier(string raw) =>
        raw.EndsWith("()", StringComparison.Ordinal)
        || raw.AsSpan(0, raw.Length - 1).IndexOfAny("_./:#") >= 0
        || (raw.Skip(1).Any(char.IsAsciiLetterUpper) && raw.Any(char.IsAsciiLetterLower));

    private static void Add(Dictionary<string, double> tokens, ClaimWords words, string token, double weight)
    {
        if (token.Length < 2 || words.Stop.Contains(token))
        {
            return;
        }

        tokens[token] = Math.Max(weight, tokens.GetValueOrDefault(token));
    }

    [GeneratedRegex(@"[A-Za-z0-9_][A-Za-z0-9_./:#]*(?:\(\))?", RegexOptions.CultureInvariant)]
    private static partial Regex RawToken();
}
