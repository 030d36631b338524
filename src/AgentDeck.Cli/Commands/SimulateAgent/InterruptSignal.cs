namespace AgentDeck.Cli.Commands.SimulateAgent;

/// <summary>Cancels the running turn when an interrupt arrives; a new turn starts with a fresh signal.</summary>
public sealed class InterruptSignal
{
    private readonly Lock _gate = new();
    private CancellationTokenSource _source = new();

    public bool Fired
    {
        get
        {
            lock (_gate)
            {
                return _source.IsCancellationRequested;
            }
        }
    }

    public void Fire()
    {
        lock (_gate)
        {
            _source.Cancel();
        }
    }

    /// <summary>Cancelled by the next interrupt (or already, when one came after the message that starts this turn).</summary>
    public CancellationToken Token
    {
        get
        {
            lock (_gate)
            {
                return _source.Token;
            }
        }
    }

    /// <summary>Forgets a handled interrupt (or one that came while no turn ran), so the next turn starts clean.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            if (_source.IsCancellationRequested)
            {
                _source.Dispose();
                _source = new CancellationTokenSource();
            }
        }
    }
}
