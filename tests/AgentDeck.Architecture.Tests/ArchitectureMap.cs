namespace AgentDeck.Architecture.Tests;

/// <summary>The allowed and forbidden arrows, read from docs/architecture.md so the doc and the test cannot drift.</summary>
public sealed record ArchitectureMap(
    IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedArrows,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Forbidden)
{
    public static ArchitectureMap Load()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md"));
        return new ArchitectureMap(ReadBlock(lines, "```arrows"), ReadBlock(lines, "```forbidden"));
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadBlock(string[] lines, string fence)
    {
        var start = Array.IndexOf(lines, fence);
        if (start < 0)
        {
            throw new InvalidOperationException($"docs/architecture.md has no {fence} block");
        }

        var map = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => l.Trim() != "```"))
        {
            var parts = line.Split("->", 2);
            var targets = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            map[parts[0].Trim()] = targets;
        }

        return map;
    }
}
