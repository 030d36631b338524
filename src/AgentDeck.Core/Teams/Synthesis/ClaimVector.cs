namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// A claim's tokens as sorted token numbers with their weights (numbers from one <see cref="ClaimVocabulary"/>), so
/// comparing two claims is one merge walk instead of dictionary look-ups: the synthesis compares every pair.
/// </summary>
public sealed class ClaimVector
{
    internal ClaimVector(int[] ids, double[] weights)
    {
        Ids = ids;
        Weights = weights;
        Total = weights.Sum();
    }

    internal int[] Ids { get; }

    internal double[] Weights { get; }

    internal double Total { get; }
}
