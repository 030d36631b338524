namespace AgentDeck.Supervision.Control;

/// <summary>What a control socket can ask of the worker behind it.</summary>
public interface ISupervisedWorker
{
    ControlReply Ping();

    Task<ControlReply> SteerAsync(string message, CancellationToken cancellationToken);

    Task<ControlReply> InterruptAsync(CancellationToken cancellationToken);

    /// <summary>Stops the worker and answers once its process group is gone.</summary>
    Task<ControlReply> StopAsync(bool force, CancellationToken cancellationToken);
}
