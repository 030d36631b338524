using AgentDeck.Core.Events;

namespace AgentDeck.Core.Cost;

/// <summary>
/// Prices by model id. Lookup is case-insensitive and forgiving about the spellings agents report: a provider prefix
/// (<c>anthropic/claude-sonnet-4-5</c>) is dropped, and a dated or suffixed id (<c>gpt-5.5-2026-01-01</c>) matches the
/// longest listed id it starts with followed by <c>-</c>, <c>@</c> or <c>:</c>. An id listed nowhere takes the price of
/// its family, an entry whose model has a <c>*</c> (<c>claude-opus-*</c>, <c>gpt-5*-codex</c>; the longest pattern that
/// matches wins), and a cost priced that way is an estimate (<see cref="IsFamilyPrice"/>). No match means "cost
/// unknown" (null).
/// </summary>
public sealed class PriceTable : IPriceBook
{
    private static readonly char[] SuffixSeparators = ['-', '@', ':', '['];
    private readonly Dictionary<string, ModelPrice> byModel;
    private readonly List<ModelPrice> families;

    public PriceTable(IEnumerable<ModelPrice> prices)
    {
        byModel = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var price in prices)
        {
            byModel[price.Model] = price;
        }

        families = [.. byModel.Values.Where(price => ModelPattern.IsPattern(price.Model)).OrderByDescending(price => price.Model.Length)];
    }

    public static PriceTable Empty { get; } = new([]);

    public IReadOnlyCollection<ModelPrice> Prices => byModel.Values;

    /// <summary>A new table where every entry of <paramref name="overrides"/> replaces the entry for the same model.</summary>
    public PriceTable With(IEnumerable<ModelPrice> overrides) => new(byModel.Values.Concat(overrides));

    public decimal? Price(string? model, TokenUsage usage) => Find(model)?.Cost(usage);

    public bool IsFamilyPrice(string? model) => Find(model) is { } price && ModelPattern.IsPattern(price.Model);

    /// <summary>The model's own entry, else its family's; null when neither is listed.</summary>
    public ModelPrice? Find(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        var id = model.Trim();
        var bare = WithoutProvider(id);
        return FindExactOrPrefixed(id) ?? FindExactOrPrefixed(bare) ?? FindFamily(bare);
    }

    private ModelPrice? FindFamily(string id) => families.FirstOrDefault(family => ModelPattern.Matches(family.Model, id));

    private ModelPrice? FindExactOrPrefixed(string id)
    {
        if (byModel.TryGetValue(id, out var exact) && !ModelPattern.IsPattern(exact.Model))
        {
            return exact;
        }

        ModelPrice? best = null;
        foreach (var (listed, price) in byModel)
        {
            if (ModelPattern.IsPattern(listed))
            {
                continue;
            }

            var isPrefix = id.Length > listed.Length
                           && id.StartsWith(listed, StringComparison.OrdinalIgnoreCase)
                           && SuffixSeparators.Contains(id[listed.Length]);
            if (isPrefix && (best is null || listed.Length > best.Model.Length))
            {
                best = price;
            }
        }

        return best;
    }

    private static string WithoutProvider(string id)
    {
        var slash = id.LastIndexOf('/');
        return slash >= 0 && slash < id.Length - 1 ? id[(slash + 1)..] : id;
    }
}
