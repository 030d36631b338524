namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// Weighted Jaccard similarity of two claims, from 0 (no token shared) to 1 (the same tokens):
/// the weight both claims share (per token, the smaller of its two weights) divided by the weight either has (the
/// larger). "SQL injection in login()" and "login() builds SQL from user input unescaped" share login (3) and
/// sql (2), and "unescaped" counts as inject (1): 6 of 9, so 0.67.
/// </summary>
public static class ClaimSimilarity
{
    public static double Of(string a, string b, ClaimWords? words = null)
    {
        var vocabulary = new ClaimVocabulary(words ?? ClaimWords.Default);
        return Of(vocabulary.Vector(a), vocabulary.Vector(b));
    }

    public static double Of(ClaimVector a, ClaimVector b)
    {
        double shared = 0;
        int i = 0, j = 0;
        while (i < a.Ids.Length && j < b.Ids.Length)
        {
            if (a.Ids[i] == b.Ids[j])
            {
                shared += Math.Min(a.Weights[i], b.Weights[j]);
                i++;
                j++;
            }
            else if (a.Ids[i] < b.Ids[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        // Σ max over the union = both totals less the shared minimum once.
        var either = a.Total + b.Total - shared;
        return either == 0 ? 0 : shared / either;
    }
}
