using System.Globalization;
using AgentDeck.Agents.Claude;

namespace AgentDeck.Agents.Tests;

/// <summary><see cref="UsdFigures.Tidy"/> against the idiom it replaced: round, then divide by 1.000…0m.</summary>
public sealed class UsdFiguresTests
{
    [Theory]
    [InlineData("0.00414")]
    [InlineData("0.0041400000")]
    [InlineData("0.0007900000000000001")]
    [InlineData("0")]
    [InlineData("0.000")]
    [InlineData("-0.50")]
    [InlineData("100")]
    [InlineData("100.000")]
    [InlineData("0.00000000005")]
    [InlineData("0.00000000004")]
    [InlineData("79228162514264337593543950335")]
    [InlineData("7922816251426433759354.3950335")]
    [InlineData("1.2345678901234567890123456789")]
    public void Given_a_figure_When_tidied_Then_it_prints_as_the_division_idiom_printed_it(string text)
    {
        var value = decimal.Parse(text, CultureInfo.InvariantCulture);

        AssertSameAsIdiom(value);
    }

    [Fact]
    public void Given_many_random_figures_When_tidied_Then_every_one_prints_as_the_division_idiom_printed_it()
    {
        var random = new Random(20261122);
        for (var i = 0; i < 50_000; i++)
        {
            var scale = (byte)random.Next(0, 29);
            var value = new decimal(random.Next(), random.Next(0, 4) == 0 ? random.Next() : 0, random.Next(0, 8) == 0 ? random.Next() : 0, random.Next(0, 5) == 0, scale);
            AssertSameAsIdiom(value);
            AssertSameAsIdiom((decimal)(random.NextDouble() / 1000));
        }
    }

    private static void AssertSameAsIdiom(decimal value)
    {
        var expected = Math.Round(value, UsdFigures.Decimals) / 1.0000000000000000000000000000m;
        var actual = UsdFigures.Tidy(value);

        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), actual.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(expected.Scale, actual.Scale);
    }
}
