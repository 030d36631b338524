namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>
/// Union-find over item numbers. Joining every similar pair and reading the resulting groups gives the same groups
/// whatever order the pairs come in, which is what makes the synthesis independent of member order.
/// </summary>
internal sealed class DisjointSets
{
    private readonly int[] _parent;

    public DisjointSets(int count)
    {
        _parent = Enumerable.Range(0, count).ToArray();
    }

    public int Find(int item)
    {
        while (_parent[item] != item)
        {
            _parent[item] = _parent[_parent[item]];
            item = _parent[item];
        }

        return item;
    }

    public void Join(int a, int b)
    {
        var rootA = Find(a);
        var rootB = Find(b);
        if (rootA != rootB)
        {
            // The smaller number stays root, so the root does not depend on the order of joins.
            _parent[Math.Max(rootA, rootB)] = Math.Min(rootA, rootB);
        }
    }
}
