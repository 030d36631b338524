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

    /// <summary>The token of a turn about to start; an interrupt that came while idle is forgotten.</summary>
    public CancellationToken Renew()
    {
        lock (_gate)
        {
            if (_source.IsCancellationRequested)
            {
                _source.Dispose();
                _source = new CancellationTokenSource();
            }

            return _source.Token;
        }
    }
}
