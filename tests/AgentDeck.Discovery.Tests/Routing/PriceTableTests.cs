using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;

namespace AgentDeck.Discovery.Tests.Routing;

public sealed class PriceTableTests
{
    private static readonly PriceTable Table = new(
    [
        new ModelPrice("claude-sonnet-4-5", 3m, 15m, 0.30m, 3.75m),
        new ModelPrice("gpt-5", 1.25m, 10m, 0.125m),
        new ModelPrice("gpt-5.1-codex", 2m, 20m),
    ]);

    public static TheoryData<string, TokenUsage, decimal> Math => new()
    {
        // Each bucket alone, then all together. Reasoning is inside Output and never charged again.
        { "claude-sonnet-4-5", new TokenUsage(1_000_000, 0, 0, 0, 0), 3m },
        { "claude-sonnet-4-5", new TokenUsage(0, 1_000_000, 0, 0, 0), 0.30m },
        { "claude-sonnet-4-5", new TokenUsage(0, 0, 1_000_000, 0, 0), 3.75m },
        { "claude-sonnet-4-5", new TokenUsage(0, 0, 0, 1_000_000, 500_000), 15m },
        { "claude-sonnet-4-5", new TokenUsage(120, 200, 30, 50, 0), (120 * 3m + 200 * 0.30m + 30 * 3.75m + 50 * 15m) / 1_000_000m },
        // No cache-write price listed: charged at the input price.
        { "gpt-5", new TokenUsage(500, 1500, 100, 70, 20), (500 * 1.25m + 1500 * 0.125m + 100 * 1.25m + 70 * 10m) / 1_000_000m },
        // No cache prices at all: cached input at the input price.
        { "gpt-5.1-codex", new TokenUsage(0, 1_000_000, 0, 0, 0), 2m },
        { "gpt-5", TokenUsage.Zero, 0m },
    };

    [Theory]
    [MemberData(nameof(Math))]
    public void Given_usage_When_priced_Then_each_bucket_has_its_price(string model, TokenUsage usage, decimal expected)
    {
        Assert.Equal(expected, Table.Price(model, usage));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("glm-4.6")]
    [InlineData("gpt-5.5")]
    [InlineData("gpt")]
    public void Given_an_unknown_model_When_priced_Then_cost_is_unknown_not_zero(string? model)
    {
        Assert.Null(Table.Price(model, new TokenUsage(1000, 0, 0, 1000, 0)));
    }

    [Theory]
    [InlineData("GPT-5", "gpt-5")]
    [InlineData("gpt-5-2025-08-07", "gpt-5")]
    [InlineData("openai/gpt-5", "gpt-5")]
    [InlineData("anthropic/claude-sonnet-4-5-20250929", "claude-sonnet-4-5")]
    [InlineData("gpt-5.1-codex-max", "gpt-5.1-codex")]
    public void Given_a_variant_spelling_When_looked_up_Then_the_listed_model_is_found(string spelling, string listed)
    {
        Assert.Equal(listed, Table.Find(spelling)?.Model);
    }

    [Fact]
    public void Given_an_override_When_merged_Then_it_replaces_only_that_model()
    {
        var updated = Table.With([new ModelPrice("gpt-5", 2m, 20m), new ModelPrice("glm-4.6", 0.6m, 2.2m)]);

        Assert.Equal(2m + 20m, updated.Price("gpt-5", new TokenUsage(1_000_000, 0, 0, 1_000_000, 0)));
        Assert.Equal(3m, updated.Price("claude-sonnet-4-5", new TokenUsage(1_000_000, 0, 0, 0, 0)));
        Assert.NotNull(updated.Find("glm-4.6"));
        Assert.Null(Table.Find("glm-4.6"));
    }
}
