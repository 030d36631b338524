using AgentDeck.Core.Events;
using AgentDeck.Discovery.Catalogs;
using AgentDeck.Discovery.Tests.Support;

namespace AgentDeck.Discovery.Tests.Catalogs;

/// <summary>
/// The shipped price table prices every model the pinned CLIs ask for by default (Claude Code 2.1.328: claude-opus-5-5,
/// its small/fast claude-haiku-5-5, the sonnet and fable aliases; Codex CLI 0.169.0: gpt-6.1-sol), each at its own
/// listed price, and the families price the versions it does not list.
/// </summary>
public sealed class ShippedPricesTests
{
    private static readonly TokenUsage Mixed = new(1_000_000, 1_000_000, 1_000_000, 1_000_000, 0);

    [Theory]
    // Claude's own list prices (input, cache read, 5-minute cache write, output per million): the figure it reports.
    [InlineData("claude-opus-5-5", 4 + 0.2 + 5 + 20)]
    [InlineData("claude-haiku-5-5", 0.1 + 0.01 + 0.125 + 0.5)]
    [InlineData("claude-sonnet-5-5", 2 + 0.1 + 2.5 + 10)]
    [InlineData("claude-fable-5-2", 8 + 0.2 + 10 + 40)]
    // OpenAI prices no cache write: charged as input.
    [InlineData("gpt-6.1-sol", 2 + 0.2 + 2 + 10)]
    [InlineData("gpt-5.5", 5 + 0.5 + 5 + 30)]
    public void Given_a_model_a_pinned_cli_asks_for_by_default_When_priced_Then_it_has_its_own_listed_price(string model, double expected)
    {
        using var home = new TempHome();
        var prices = DataCatalogLoader.Load(home.Environment).Prices;

        Assert.Equal((decimal)expected, prices.Price(model, Mixed));
        Assert.False(prices.IsFamilyPrice(model));
    }

    [Theory]
    [InlineData("claude-opus-6-1")]
    [InlineData("claude-sonnet-6")]
    [InlineData("claude-haiku-6-0")]
    [InlineData("claude-fable-5-3")]
    [InlineData("gpt-5.3-codex")]
    [InlineData("gpt-6.2-sol")]
    public void Given_an_unlisted_version_of_a_known_family_When_priced_Then_the_family_prices_it_as_an_estimate(string model)
    {
        using var home = new TempHome();
        var prices = DataCatalogLoader.Load(home.Environment).Prices;

        Assert.NotNull(prices.Price(model, Mixed));
        Assert.True(prices.IsFamilyPrice(model));
    }
}
