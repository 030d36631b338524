namespace AgentDeck.Supervision.Control;

/// <summary>What a control socket can ask of the worker behind it.</summary>
public interface ISupervisedWorker
{
    ControlReply Ping();

    /// <summary>Hands the message to the worker and records it (with <paramref name="from"/>, the sending front end) in the run.</summary>
    Task<ControlReply> SteerAsync(string message, string? from, CancellationToken cancellationToken);

    Task<ControlReply> InterruptAsync(CancellationToken cancellationToken);

    /// <summary>Stops the worker and answers once its process group is gone.</summary>
    Task<ControlReply> StopAsync(bool force, CancellationToken cancellationToken);
}
