using AgentDeck.Core.Events;

namespace AgentDeck.Core.Routing;

/// <summary>
/// Models an agent refused (unknown model id, no access). The run engine records them; routing then avoids them.
/// Thread-safe because workers finish on their own threads.
/// </summary>
public sealed class RejectedModels
{
    private readonly Dictionary<(AgentKind Agent, string Model), RejectedModel> reasons = [];
    private readonly Lock gate = new();

    public IReadOnlyList<RejectedModel> All
    {
        get
        {
            lock (gate)
            {
                return reasons.Values.OrderBy(entry => entry.Agent).ThenBy(entry => entry.Model, StringComparer.Ordinal).ToList();
            }
        }
    }

    public void Record(AgentKind agent, string model, string reason)
    {
        lock (gate)
        {
            reasons[(agent, Key(model))] = new RejectedModel(agent, model.Trim(), reason);
        }
    }

    public bool IsRejected(AgentKind agent, string model, out string reason)
    {
        lock (gate)
        {
            var found = reasons.TryGetValue((agent, Key(model)), out var entry);
            reason = entry?.Reason ?? string.Empty;
            return found;
        }
    }

    /// <summary>
    /// Learns from past runs: an agent and model whose latest run ended <c>model_rejected</c> is rejected; a later run
    /// that got past the model (any other outcome) clears it, so fixing access or the name is picked up by itself.
    /// </summary>
    public void Learn(IEnumerable<RunOutcomeSample> history)
    {
        var latest = history
            .Select((sample, order) => (Sample: sample, Order: order))
            .GroupBy(entry => (entry.Sample.Agent, Model: Key(entry.Sample.Model)))
            .Select(group => group.OrderByDescending(entry => entry.Sample.EndedAt ?? DateTimeOffset.MinValue).ThenBy(entry => entry.Order).First().Sample);
        foreach (var sample in latest)
        {
            if (sample.FailureReason == FailureReasons.ModelRejected)
            {
                var run = sample.RunId is { } id ? $" in run {id}" : string.Empty;
                Record(sample.Agent, sample.Model, $"{sample.Agent.ToName()} rejected {sample.Model}{run}");
            }
            else
            {
                lock (gate)
                {
                    reasons.Remove((sample.Agent, Key(sample.Model)));
                }
            }
        }
    }

    private static string Key(string model) => model.Trim().ToLowerInvariant();
}
