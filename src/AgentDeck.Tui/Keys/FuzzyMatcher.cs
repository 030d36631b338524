namespace AgentDeck.Tui.Keys;

/// <summary>
/// Subsequence matching for the command palette: every query character must appear in order. Scores favour matches
/// at word starts and runs of consecutive characters; null means no match.
/// </summary>
public static class FuzzyMatcher
{
    public static int? Score(string query, string candidate)
    {
        if (query.Length == 0)
        {
            return 0;
        }

        var score = 0;
        var previous = -2;
        var at = 0;
        foreach (var q in query)
        {
            if (char.IsWhiteSpace(q))
            {
                continue;
            }

            var found = -1;
            for (var i = at; i < candidate.Length; i++)
            {
                if (char.ToLowerInvariant(candidate[i]) == char.ToLowerInvariant(q))
                {
                    found = i;
                    break;
                }
            }

            if (found < 0)
            {
                return null;
            }

            score += 1;
            if (found == previous + 1) score += 5;
            if (found == 0 || !char.IsLetterOrDigit(candidate[found - 1])) score += 8;
            score -= Math.Min(found - at, 5);
            previous = found;
            at = found + 1;
        }

        return score;
    }

    /// <summary>The candidates that match, best first (ties keep the input order).</summary>
    public static IReadOnlyList<T> Rank<T>(string query, IEnumerable<T> candidates, Func<T, string> text) => candidates
        .Select((c, index) => (c, index, score: Score(query, text(c))))
        .Where(x => x.score is not null)
        .OrderByDescending(x => x.score)
        .ThenBy(x => x.index)
        .Select(x => x.c)
        .ToList();
}
