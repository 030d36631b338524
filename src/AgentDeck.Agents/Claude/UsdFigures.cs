namespace AgentDeck.Agents.Claude;

/// <summary>Dollar figures as the ledger stores them: rounded to <see cref="Decimals"/> places, trailing zeros dropped.</summary>
internal static class UsdFigures
{
    public const int Decimals = 10;

    /// <summary>
    /// Drops binary floating-point noise (0.0007900000000000001) and trailing zeros (0.00414, not 0.0041400000). The
    /// zeros are stripped from the 96-bit mantissa, ten at a time: the old idiom, dividing by 1.000…0m, cost a 128-bit
    /// division on every result line.
    /// </summary>
    public static decimal Tidy(decimal usd)
    {
        var rounded = Math.Round(usd, Decimals);
        var scale = rounded.Scale;
        if (scale == 0)
        {
            return rounded;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(rounded, bits);
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        if (mantissa == 0)
        {
            return 0m;
        }

        while (scale > 0 && mantissa % 10 == 0)
        {
            mantissa /= 10;
            scale--;
        }

        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), rounded < 0, (byte)scale);
    }
}
