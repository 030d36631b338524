using System.Globalization;

namespace AgentDeck.Core.Routing;

/// <summary>How many candidates routing left out of a role, and why, for the reason line.</summary>
internal sealed class SkipTally(decimal? cap)
{
    public int Forbidden { get; set; }

    public List<string> Rejected { get; } = [];

    public int OverCap { get; set; }

    public bool Any => Forbidden + Rejected.Count + OverCap > 0;

    public string Describe()
    {
        var parts = new List<string>();
        if (Forbidden > 0) parts.Add($"{Forbidden} forbidden");
        if (Rejected.Count > 0) parts.Add($"{Rejected.Count} rejected by the agent ({string.Join(", ", Rejected)})");
        if (OverCap > 0) parts.Add($"{OverCap} over the ${cap?.ToString("0.00##", CultureInfo.InvariantCulture)} cap");
        return parts.Count == 0 ? "nothing matched" : string.Join(", ", parts);
    }
}
