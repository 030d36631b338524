using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;

namespace AgentDeck.Discovery.Tests.Routing;

/// <summary>A family's price for a version the table does not list, and that a listed version always wins.</summary>
public sealed class PriceFamilyTests
{
    private static readonly TokenUsage OneMillionIn = new(1_000_000, 0, 0, 0, 0);

    private static readonly PriceTable Table = new(
    [
        new ModelPrice("claude-opus-5-5", 4m, 20m),
        new ModelPrice("claude-opus-*", 5m, 25m),
        new ModelPrice("gpt-5*-codex", 1.25m, 10m),
        new ModelPrice("gpt-5*-codex-mini", 0.25m, 2m),
        new ModelPrice("gpt-5.1-codex", 2m, 20m),
    ]);

    [Theory]
    [InlineData("claude-opus-9-1", "claude-opus-*")]
    [InlineData("anthropic/claude-opus-6", "claude-opus-*")]
    [InlineData("CLAUDE-OPUS-7-0-20270101", "claude-opus-*")]
    [InlineData("gpt-5.3-codex", "gpt-5*-codex")]
    [InlineData("gpt-5.3-codex-mini", "gpt-5*-codex-mini")]
    public void Given_an_unlisted_version_of_a_family_When_looked_up_Then_the_most_specific_family_prices_it(string model, string family)
    {
        Assert.Equal(family, Table.Find(model)?.Model);
        Assert.True(Table.IsFamilyPrice(model));
    }

    [Theory]
    [InlineData("claude-opus-5-5", 4)]
    [InlineData("claude-opus-5-5-20261001", 4)]
    [InlineData("gpt-5.1-codex", 2)]
    public void Given_a_listed_model_When_priced_Then_its_own_price_wins_over_the_family(string model, int inputPrice)
    {
        Assert.Equal(inputPrice, Table.Price(model, OneMillionIn));
        Assert.False(Table.IsFamilyPrice(model));
    }

    [Theory]
    [InlineData("claude-sonnet-5-5")]
    [InlineData("claude-opus")]
    [InlineData("gpt-5.3-codex-max-extra")]
    public void Given_a_model_of_no_listed_family_When_priced_Then_its_cost_is_unknown(string model)
    {
        Assert.Null(Table.Price(model, OneMillionIn));
        Assert.False(Table.IsFamilyPrice(model));
    }
}
