namespace AgentDeck.Core.Cost;

/// <summary>Model id patterns of the price table: <c>*</c> stands for any run of characters, case is ignored.</summary>
public static class ModelPattern
{
    public static bool IsPattern(string model) => model.Contains('*', StringComparison.Ordinal);

    public static bool Matches(string pattern, string model) => Matches(pattern.AsSpan(), model.AsSpan());

    private static bool Matches(ReadOnlySpan<char> pattern, ReadOnlySpan<char> model)
    {
        var star = pattern.IndexOf('*');
        if (star < 0)
        {
            return pattern.Equals(model, StringComparison.OrdinalIgnoreCase);
        }

        if (!model.StartsWith(pattern[..star], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = pattern[(star + 1)..];
        for (var start = star; start <= model.Length; start++)
        {
            if (Matches(rest, model[start..]))
            {
                return true;
            }
        }

        return false;
    }
}
