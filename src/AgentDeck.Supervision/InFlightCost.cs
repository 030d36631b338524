using AgentDeck.Core.Cost;

namespace AgentDeck.Supervision;

/// <summary>
/// The priced cost of the tokens a worker's turn in flight has spent so far (from its <see cref="ILiveUsageMeter"/>),
/// recomputed only when the meter moves: the budget check runs for every output line.
/// </summary>
internal sealed class InFlightCost(ILiveUsageMeter meter, IPriceBook prices)
{
    private long _version = -1;
    private string? _model;
    private decimal? _usd;

    /// <summary>USD, zero when nothing is in flight, null when the model has no price (the cost is then unknown).</summary>
    public decimal? Usd(string? runModel)
    {
        var model = meter.Model ?? runModel;
        if (meter.Version != _version || !string.Equals(model, _model, StringComparison.Ordinal))
        {
            _version = meter.Version;
            _model = model;
            _usd = meter.InFlight.IsZero ? 0m : prices.Price(model, meter.InFlight);
        }

        return _usd;
    }

    public long InFlightTokens => meter.InFlight.TotalInput + meter.InFlight.Output;

    /// <summary>"list prices", or "family prices" when the model is priced only through its family's entry.</summary>
    public string PriceBasis(string? runModel) => prices.IsFamilyPrice(meter.Model ?? runModel) ? "family prices" : "list prices";
}
