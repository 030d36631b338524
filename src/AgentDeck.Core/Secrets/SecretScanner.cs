using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace AgentDeck.Core.Secrets;

/// <summary>
/// Finds and redacts secrets in one line of text with a set of <see cref="SecretRule"/>s. A line is first searched
/// for every rule's keywords at once (one vectorised pass); only the rules whose keywords occur run their expressions,
/// so a line without a keyword costs one search. Expressions run without backtracking (linear time, as gitleaks' RE2),
/// so no rule, shipped or a user's, can hang the ingest. Expressions see a JSON line's escapes as the text they stand
/// for (<see cref="JsonEscapes"/>), and a redaction never splits an escape, so a JSON line stays JSON.
/// </summary>
public sealed class SecretScanner
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private const int StackLimit = 1024;

    private readonly CompiledRule[] _rules;
    private readonly CompiledRule[] _keywordless;
    private readonly SearchValues<string>? _anyKeyword;
    private readonly CompiledAllowlist[] _globalAllowlists;
    private readonly SecretFingerprint _fingerprint;

    public SecretScanner(IEnumerable<SecretRule> rules, SecretFingerprint fingerprint, IEnumerable<SecretAllowlist>? globalAllowlists = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        _fingerprint = fingerprint ?? throw new ArgumentNullException(nameof(fingerprint));
        _rules = rules.Select(rule => new CompiledRule(rule)).ToArray();
        _keywordless = _rules.Where(r => r.Keywords is null).ToArray();
        var keywords = _rules.SelectMany(r => r.Rule.Keywords).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        _anyKeyword = keywords.Length == 0 ? null : SearchValues.Create(keywords, StringComparison.OrdinalIgnoreCase);
        _globalAllowlists = (globalAllowlists ?? []).Select(a => new CompiledAllowlist(a)).ToArray();
    }

    public IReadOnlyList<SecretRule> Rules => _rules.Select(r => r.Rule).ToList();

    /// <summary>True when the line may hold a secret: a rule's keyword occurs in it, or a rule has no keywords.</summary>
    public bool MayContainSecret(ReadOnlySpan<char> line) =>
        _keywordless.Length > 0 || (_anyKeyword is not null && line.IndexOfAny(_anyKeyword) >= 0);

    /// <summary>The same test on UTF-8 bytes (a raw output line), decoding into a scratch buffer.</summary>
    public bool MayContainSecret(ReadOnlySpan<byte> utf8Line)
    {
        if (_keywordless.Length > 0)
        {
            return true;
        }

        if (_anyKeyword is null)
        {
            return false;
        }

        var rented = utf8Line.Length > StackLimit ? ArrayPool<char>.Shared.Rent(utf8Line.Length) : null;
        try
        {
            Span<char> chars = rented ?? stackalloc char[StackLimit];
            var count = Encoding.UTF8.GetChars(utf8Line, chars);
            return chars[..count].IndexOfAny(_anyKeyword) >= 0;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Every secret in the line, in order, none overlapping (an earlier hit wins over one it overlaps).</summary>
    public IReadOnlyList<SecretHit> Find(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!MayContainSecret(line.AsSpan()))
        {
            return [];
        }

        var text = JsonEscapes.Unfolded(line);
        var hits = new List<(SecretHit Hit, int Rule)>();
        for (var index = 0; index < _rules.Length; index++)
        {
            var rule = _rules[index];
            if (rule.Keywords is { } keywords && line.AsSpan().IndexOfAny(keywords) < 0)
            {
                continue;
            }

            foreach (Match match in rule.Expression.Matches(text))
            {
                var secret = SecretOf(rule, match);
                if (secret.Length == 0 || !IsSecret(rule, text, match, secret))
                {
                    continue;
                }

                var (start, end) = WholeEscapes(line, secret.Index, secret.Index + secret.Length);
                hits.Add((new SecretHit(rule.Rule.Id, start, end - start, _fingerprint.Of(secret.ValueSpan)), index));
            }
        }

        return WithoutOverlaps(hits);
    }

    /// <summary>The line with each secret replaced by <c>[REDACTED:rule-id]</c>, and the hits (offsets into the original line).</summary>
    public RedactedText Redact(string line)
    {
        var hits = Find(line);
        if (hits.Count == 0)
        {
            return new RedactedText(line, hits);
        }

        var text = new StringBuilder(line.Length);
        var at = 0;
        foreach (var hit in hits)
        {
            text.Append(line, at, hit.Start - at).Append(Marker(hit.RuleId));
            at = hit.End;
        }

        return new RedactedText(text.Append(line, at, line.Length - at).ToString(), hits);
    }

    public static string Marker(string ruleId) => $"[REDACTED:{ruleId}]";

    private static Group SecretOf(CompiledRule rule, Match match)
    {
        if (rule.Rule.SecretGroup > 0)
        {
            return rule.Rule.SecretGroup < match.Groups.Count ? match.Groups[rule.Rule.SecretGroup] : match;
        }

        for (var i = 1; i < match.Groups.Count; i++)
        {
            if (match.Groups[i].Success && match.Groups[i].Length > 0)
            {
                return match.Groups[i];
            }
        }

        return match;
    }

    private bool IsSecret(CompiledRule rule, string line, Match match, Group secret)
    {
        if (rule.Rule.Entropy > 0 && ShannonEntropy.Of(secret.ValueSpan) < rule.Rule.Entropy)
        {
            return false;
        }

        return !rule.Allowlists.Concat(_globalAllowlists).Any(allow => allow.Allows(line, match.Value, secret.Value));
    }

    /// <summary>
    /// Widens a span so it neither starts nor ends inside a backslash escape: replacing half of <c>\n</c> or <c>\"</c>
    /// would leave a JSON line that no longer parses.
    /// </summary>
    private static (int Start, int End) WholeEscapes(string line, int start, int end)
    {
        if (start > 0 && EndsWithOddBackslashes(line, start))
        {
            start--;
        }

        if (end > start && end < line.Length && EndsWithOddBackslashes(line, end))
        {
            end++;
        }

        return (start, end);
    }

    private static bool EndsWithOddBackslashes(string line, int end)
    {
        var count = 0;
        for (var i = end - 1; i >= 0 && line[i] == '\\'; i--)
        {
            count++;
        }

        return count % 2 == 1;
    }

    /// <summary>Earliest first; at one place the longer hit, then the rule listed first (the more specific one).</summary>
    private static List<SecretHit> WithoutOverlaps(List<(SecretHit Hit, int Rule)> found)
    {
        var ordered = found.OrderBy(f => f.Hit.Start).ThenByDescending(f => f.Hit.Length).ThenBy(f => f.Rule).Select(f => f.Hit);
        var kept = new List<SecretHit>(found.Count);
        foreach (var hit in ordered)
        {
            if (kept.Count == 0 || hit.Start >= kept[^1].End)
            {
                kept.Add(hit);
            }
        }

        return kept;
    }

    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);

    private sealed class CompiledRule(SecretRule rule)
    {
        public SecretRule Rule { get; } = rule;

        public Regex Expression { get; } = Compile(rule.Regex);

        public SearchValues<string>? Keywords { get; } =
            rule.Keywords.Count == 0 ? null : SearchValues.Create(rule.Keywords.ToArray(), StringComparison.OrdinalIgnoreCase);

        public CompiledAllowlist[] Allowlists { get; } = rule.Allowlists.Select(a => new CompiledAllowlist(a)).ToArray();
    }

    private sealed class CompiledAllowlist(SecretAllowlist allowlist)
    {
        private readonly Regex[] _regexes = allowlist.Regexes.Select(Compile).ToArray();

        public bool Allows(string line, string match, string secret)
        {
            var target = allowlist.Target switch
            {
                SecretAllowTarget.Line => line,
                SecretAllowTarget.Match => match,
                _ => secret,
            };

            return _regexes.Any(r => r.IsMatch(target))
                || allowlist.StopWords.Any(word => secret.Contains(word, StringComparison.OrdinalIgnoreCase));
        }
    }
}
