using System.Globalization;

namespace AgentDeck.Toml;

public sealed class TomlFloat(double value, TomlPosition position) : TomlValue(position)
{
    public double Value { get; } = value;

    public override TomlValueKind Kind => TomlValueKind.Float;

    /// <summary>TOML spelling: inf, -inf, nan, or the shortest round-trip decimal.</summary>
    public override string ToString() => Value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ when double.IsNaN(Value) => "nan",
        _ => Value.ToString("R", CultureInfo.InvariantCulture),
    };
}
