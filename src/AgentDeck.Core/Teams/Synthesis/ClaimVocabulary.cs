namespace AgentDeck.Core.Teams.Synthesis;

/// <summary>Numbers the tokens of the claims compared in one synthesis.</summary>
public sealed class ClaimVocabulary(ClaimWords words)
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    public ClaimVector Vector(string claim)
    {
        var tokens = ClaimTokenizer.Tokenize(claim, words)
            .Select(t => (Id: Number(t.Key), Weight: t.Value))
            .OrderBy(t => t.Id)
            .ToArray();
        return new ClaimVector(tokens.Select(t => t.Id).ToArray(), tokens.Select(t => t.Weight).ToArray());
    }

    private int Number(string token)
    {
        if (!_numbers.TryGetValue(token, out var number))
        {
            number = _numbers.Count;
            _numbers[token] = number;
        }

        return number;
    }
}
