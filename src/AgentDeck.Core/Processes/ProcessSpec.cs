using System.Collections.Immutable;
using System.Text;

namespace AgentDeck.Core.Processes;

/// <summary>
/// Everything needed to start one external program. Arguments are a list, passed to the program verbatim: they are
/// never joined into one string and never seen by a shell.
/// </summary>
/// <param name="FileName">The program: a name looked up on PATH, or a path containing '/'.</param>
/// <param name="Arguments">The arguments, one element per argv entry.</param>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public static ProcessSpec For(string fileName, params string[] arguments) => new(fileName, arguments);

    /// <summary>The child's working directory; null keeps the starter's.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// Changes to the inherited environment: a value sets the variable, a null value removes it so the child never
    /// sees it.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = ImmutableDictionary<string, string?>.Empty;

    public StdinMode Stdin { get; init; } = StdinMode.None;

    public ProcessGrouping Grouping { get; init; } = ProcessGrouping.SameAsParent;

    /// <summary>How to install the program, shown when it is not found, e.g. "run tests/install-agent-clis.sh".</summary>
    public string? InstallHint { get; init; }

    /// <summary>The command as a person would type it in a POSIX shell, for messages and logs.</summary>
    public string CommandLine => string.Join(' ', new[] { FileName }.Concat(Arguments).Select(ShellQuote));

    public override string ToString() => CommandLine;

    private static string ShellQuote(string word)
    {
        if (word.Length > 0 && word.All(IsPlain))
        {
            return word;
        }

        var quoted = new StringBuilder(word.Length + 2).Append('\'');
        foreach (var c in word)
        {
            quoted.Append(c == '\'' ? "'\\''" : c.ToString());
        }

        return quoted.Append('\'').ToString();
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c);
}
