using System.Text.RegularExpressions;

namespace AgentDeck.Discovery.Bench;

/// <summary>
/// How a bench task's success is decided by AgentDeck itself: a file in the scratch repo that contains (or equals) a
/// text, and/or the agent's final answer matching a regular expression. Every part given must hold.
/// </summary>
public sealed record BenchCheck(string? File, string? Contains, string? EqualsText, Regex? FinalText)
{
    public BenchCheckResult Evaluate(string workspace, string? finalText)
    {
        if (File is not null)
        {
            var path = Path.GetFullPath(Path.Combine(workspace, File));
            if (!path.StartsWith(Path.GetFullPath(workspace) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return BenchCheckResult.Fail($"{File} is outside the scratch repo");
            }

            if (!System.IO.File.Exists(path))
            {
                return BenchCheckResult.Fail($"{File} was not created");
            }

            var content = System.IO.File.ReadAllText(path);
            if (Contains is not null && !content.Contains(Contains, StringComparison.Ordinal))
            {
                return BenchCheckResult.Fail($"{File} does not contain \"{Contains}\"");
            }

            if (EqualsText is not null && content.TrimEnd('\n') != EqualsText.TrimEnd('\n'))
            {
                return BenchCheckResult.Fail($"{File} does not hold exactly the expected text");
            }
        }

        if (FinalText is not null && (finalText is null || !FinalText.IsMatch(finalText)))
        {
            return BenchCheckResult.Fail($"the final answer does not match /{FinalText}/");
        }

        return BenchCheckResult.Pass;
    }

    public string Describe() => string.Join(" and ", new[]
    {
        File is null ? null : Contains is not null ? $"{File} contains \"{Contains}\"" : EqualsText is not null ? $"{File} has the expected text" : $"{File} exists",
        FinalText is null ? null : $"answer matches /{FinalText}/",
    }.OfType<string>());
}
