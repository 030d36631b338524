using AgentDeck.Core.Cost;
using AgentDeck.Core.Events;

namespace AgentDeck.Core.Runs;

/// <summary>
/// Folds a run's events into the figures a person asks about: status, session, final text, tokens, cost, tool calls
/// (and how many were denied) and files touched. The ledger keeps these on the run row; rebuilding the events rebuilds them.
/// </summary>
public sealed class RunTally
{
    private readonly IPriceBook? _prices;
    private readonly HashSet<string> _toolCallIds = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _files = new(StringComparer.Ordinal);
    private readonly DeniedToolCalls _denied = new();
    private decimal _reportedCost;
    private bool _hasReportedCost;
    private decimal _pricedCost;
    private decimal _cutShortCost;
    private bool _pricingFailed;
    private bool _hasUsage;
    private bool _familyPriced;
    private bool _cutShort;
    private bool _turnHadUsage;
    private string? _lastFullText;

    public RunTally(IPriceBook? prices = null) => _prices = prices;

    public long EventCount { get; private set; }
    public string? SessionId { get; private set; }
    public string? Model { get; private set; }
    public RunStatus Status { get; private set; } = RunStatus.Running;
    public string? FailureReason { get; private set; }
    public string? FinalText { get; private set; }
    public TokenUsage Tokens { get; private set; }
    public int ToolCalls => _toolCallIds.Count;

    /// <summary>Tool calls the agent's permission mode or sandbox refused; a run with any did less than it may claim.</summary>
    public int DeniedToolCalls => _denied.Count;
    public IReadOnlyCollection<string> FilesTouched => _files;
    public int Turns { get; private set; }

    /// <summary>
    /// The run's cost in USD: the agent's own figures where it gives them, else priced tokens, else null (unknown).
    /// Tokens of a turn cut short before the agent reported it (<see cref="UsageReported.Estimated"/>) are priced and
    /// added either way.
    /// </summary>
    public decimal? CostUsd => _hasReportedCost ? _reportedCost + _cutShortCost
        : _hasUsage && !_pricingFailed && _prices is not null ? _pricedCost
        : null;

    /// <summary>Why <see cref="CostUsd"/> is an estimate, if it is one.</summary>
    public CostEstimate CostEstimate => CostEstimates.Combine(
        _cutShort ? CostEstimate.CutShortTurn : CostEstimate.None,
        _familyPriced && !_hasReportedCost ? CostEstimate.FamilyPrice : CostEstimate.None);

    public void Apply(AgentEvent e)
    {
        EventCount++;
        switch (e)
        {
            case PermissionDenied or Notice:
                _denied.Apply(e);
                break;
            case SessionStarted s:
                SessionId = s.SessionId;
                Model = s.Model ?? Model;
                break;
            case TurnStarted:
                Status = RunStatus.Running;
                break;
            case AssistantText { IsDelta: false } t when !string.IsNullOrWhiteSpace(t.Text):
                _lastFullText = t.Text;
                break;
            case ToolCallStarted call:
                _toolCallIds.Add(call.CallId);
                break;
            case ToolCallFinished done:
                _toolCallIds.Add(done.CallId);
                if (!done.IsError)
                {
                    foreach (var path in done.Paths)
                    {
                        _files.Add(path);
                    }
                }

                break;
            case UsageReported usage:
                ApplyUsage(usage);
                break;
            case CostReported cost:
                _hasReportedCost = true;
                _reportedCost += cost.TurnUsd;
                break;
            case TurnCompleted turn:
                // An interrupted turn reports what it had counted when it was cut: a partial figure.
                _cutShort |= turn.Outcome == TurnOutcome.Interrupted && _turnHadUsage;
                _turnHadUsage = false;
                Turns++;
                Status = turn.Outcome switch
                {
                    TurnOutcome.Succeeded => RunStatus.Succeeded,
                    TurnOutcome.Interrupted => RunStatus.Interrupted,
                    _ => RunStatus.Failed,
                };
                FailureReason = turn.Outcome == TurnOutcome.Succeeded ? null : turn.Reason;
                FinalText = turn.FinalText ?? (turn.Outcome == TurnOutcome.Succeeded ? _lastFullText : null);
                _lastFullText = null;
                break;
        }
    }

    private void ApplyUsage(UsageReported usage)
    {
        _hasUsage = true;
        _turnHadUsage |= !usage.Turn.IsZero;
        _cutShort |= usage.Estimated == true;
        Tokens += usage.Turn;
        Model = usage.Model ?? Model;
        if (_prices is null)
        {
            return;
        }

        var model = usage.Model ?? Model;
        var priced = _prices.Price(model, usage.Turn);
        if (priced is null)
        {
            _pricingFailed = true;
            return;
        }

        _pricedCost += priced.Value;
        _familyPriced |= !usage.Turn.IsZero && _prices.IsFamilyPrice(model);
        if (usage.Estimated == true)
        {
            _cutShortCost += priced.Value;
        }
    }
}
