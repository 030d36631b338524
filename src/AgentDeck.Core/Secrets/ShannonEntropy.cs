namespace AgentDeck.Core.Secrets;

/// <summary>Shannon entropy in bits per character: how random a candidate looks (gitleaks' measure, over characters).</summary>
public static class ShannonEntropy
{
    public static double Of(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        var counts = new Dictionary<char, int>();
        foreach (var c in text)
        {
            counts[c] = counts.GetValueOrDefault(c) + 1;
        }

        var entropy = 0.0;
        foreach (var count in counts.Values)
        {
            var p = (double)count / text.Length;
            entropy -= p * Math.Log2(p);
        }

        return entropy;
    }
}
