using System.Text.RegularExpressions;

namespace AgentDeck.Secrets;

/// <summary>
/// Turns a gitleaks (Go RE2) expression into .NET syntax: named groups <c>(?P&lt;name&gt;…)</c> and POSIX classes
/// such as <c>[[:alnum:]]</c>. Everything else RE2 accepts means the same in .NET's non-backtracking engine.
/// </summary>
public static partial class GitleaksRegex
{
    private static readonly Dictionary<string, string> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = "a-zA-Z0-9",
        ["alpha"] = "a-zA-Z",
        ["digit"] = "0-9",
        ["lower"] = "a-z",
        ["upper"] = "A-Z",
        ["space"] = @"\s",
        ["xdigit"] = "0-9A-Fa-f",
        ["word"] = @"\w",
        ["punct"] = @"!-/:-@\[-`{-~",
    };

    public static string ToDotNet(string pattern)
    {
        var named = pattern.Replace("(?P<", "(?<", StringComparison.Ordinal);
        return PosixClass().Replace(named, match => PosixClasses.TryGetValue(match.Groups[1].Value, out var replacement) ? replacement : match.Value);
    }

    [GeneratedRegex(@"\[:([a-z]+):\]")]
    private static partial Regex PosixClass();
}
