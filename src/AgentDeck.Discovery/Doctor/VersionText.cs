using System.Text.RegularExpressions;

namespace AgentDeck.Discovery.Doctor;

/// <summary>Pulls the version number out of whatever a program prints for --version ("2.1.328 (Claude Code)", "tmux 3.4").</summary>
public static partial class VersionText
{
    public static string? Extract(string? output)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            return null;
        }

        var match = VersionPattern().Match(output);
        return match.Success ? match.Value : null;
    }

    [GeneratedRegex(@"\d+(\.\d+)+[a-z]?(-[0-9A-Za-z.]+)?")]
    private static partial Regex VersionPattern();
}
