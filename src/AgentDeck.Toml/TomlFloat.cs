using System.Globalization;

namespace AgentDeck.Toml;

public sealed class TomlFloat(double value, TomlPosition position) : TomlValue(position)
{
    public double Value { get; } = value;

    public override TomlValueKind Kind => TomlValueKind.Float;

    /// <summary>TOML spelling: inf, -inf, nan, or the shortest round-trip decimal (always with '.' or an exponent).</summary>
    public override string ToString()
    {
        if (double.IsNaN(Value))
        {
            return "nan";
        }

        if (double.IsInfinity(Value))
        {
            return Value > 0 ? "inf" : "-inf";
        }

        var text = Value.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny('.', 'E') >= 0 ? text : text + ".0";
    }
}
