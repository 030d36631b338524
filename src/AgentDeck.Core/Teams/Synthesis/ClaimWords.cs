namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// The stop words and synonym groups of claim similarity, read from <c>Teams/Data/claim-words.txt</c>: lines
/// <c>stop: w1 w2 ...</c> and <c>same: canonical: w1 w2 ...</c>, <c>#</c> comments. Data, so wording rules change
/// without code.
/// </summary>
public sealed class ClaimWords
{
    private static readonly Lazy<ClaimWords> Shipped = new(() => Parse(TeamResources.ClaimWords));

    private ClaimWords(HashSet<string> stop, Dictionary<string, string> same)
    {
        Stop = stop;
        Same = same;
    }

    public static ClaimWords Default => Shipped.Value;

    public IReadOnlySet<string> Stop { get; }

    /// <summary>Stemmed word → the word its group counts as.</summary>
    public IReadOnlyDictionary<string, string> Same { get; }

    public static ClaimWords Parse(string text)
    {
        var stop = new HashSet<string>(StringComparer.Ordinal);
        var same = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("stop:", StringComparison.Ordinal))
            {
                stop.UnionWith(Words(line[5..]));
            }
            else if (line.StartsWith("same:", StringComparison.Ordinal) && line[5..].Split(':', 2) is [var canonical, var words])
            {
                foreach (var word in Words(words))
                {
                    same[word] = canonical.Trim();
                }
            }
        }

        return new ClaimWords(stop, same);
    }

    private static IEnumerable<string> Words(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
