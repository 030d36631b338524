using AgentDeck.Core.Events;

namespace AgentDeck.Core.Cost;

/// <summary>
/// Follows one worker's stdout for the tokens its turn in flight has spent so far. Agents report a turn's usage and
/// cost when the turn ends; a budget that must stop a worker mid-turn needs this running figure before then.
/// </summary>
public interface ILiveUsageMeter
{
    /// <summary>Reads one stdout line (any line: the meter picks the ones that carry usage). Never throws on input.</summary>
    void Observe(ReadOnlySpan<byte> stdoutLine);

    /// <summary>Tokens the turn in flight has spent that no turn-final usage report covers yet.</summary>
    TokenUsage InFlight { get; }

    /// <summary>The model those tokens were spent on, when the stream names it.</summary>
    string? Model { get; }

    /// <summary>Changes whenever <see cref="InFlight"/> or <see cref="Model"/> does, so callers can cache what they derive.</summary>
    long Version { get; }
}
