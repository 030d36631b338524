namespace AgentDeck.MockModel.Planning;

/// <summary>
/// Counts the failures served per conversation and step, for error steps with "times: N". This is the only
/// state the mock keeps between requests: a failed request leaves no trace in the conversation.
/// </summary>
internal sealed class FailureCounter
{
    private readonly Dictionary<(string Conversation, string Scenario, int Step), int> _served = new();
    private readonly Lock _gate = new();

    /// <summary>True (and counts it) when fewer than <paramref name="times"/> failures were served so far.</summary>
    public bool TryServe(string conversation, string scenario, int step, int times)
    {
        lock (_gate)
        {
            var key = (conversation, scenario, step);
            var served = _served.GetValueOrDefault(key);
            if (served >= times)
            {
                return false;
            }

            _served[key] = served + 1;
            return true;
        }
    }
}
