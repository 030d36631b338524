using AgentDeck.Supervision.Control;

namespace AgentDeck.Supervision.Hosting;

/// <summary>
/// A front end's way to the supervisor host: sends the start request to the host socket and, when no host answers
/// (none yet, one that died and left its socket, or one closing), starts one — under the start lock, so front ends
/// racing each other start a single host — and asks again.
/// </summary>
public sealed class HostClient
{
    private const int MaxHostStarts = 3;
    private static readonly TimeSpan PollDelay = TimeSpan.FromMilliseconds(10);

    private readonly HostFiles _files;
    private readonly Func<int> _startHost;
    private readonly TimeSpan _startLimit;

    /// <param name="startHost">Starts a detached host process and returns its pid.</param>
    /// <param name="startLimit">How long to wait for a host to answer before giving up.</param>
    public HostClient(HostFiles files, Func<int> startHost, TimeSpan? startLimit = null)
    {
        _files = files ?? throw new ArgumentNullException(nameof(files));
        _startHost = startHost ?? throw new ArgumentNullException(nameof(startHost));
        _startLimit = startLimit ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>
    /// The host's reply to <paramref name="request"/> (ok or a refusal). Throws <see cref="ControlUnavailableException"/>
    /// when no host could be started.
    /// </summary>
    public Task<ControlReply> SendAsync(ControlRequest request, CancellationToken cancellationToken = default) =>
        SendAsync(request, (r, token) => ControlClient.SendAsync(_files.ControlSocket, r, _startLimit, token), cancellationToken);

    /// <summary>
    /// The same, over another transport (the adopt socket, whose requests carry descriptors): <paramref name="send"/>
    /// throws <see cref="ControlUnavailableException"/> when no host answers.
    /// </summary>
    public async Task<ControlReply> SendAsync(
        ControlRequest request, Func<ControlRequest, CancellationToken, Task<ControlReply>> send, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(send);
        var deadline = DateTime.UtcNow + _startLimit;
        var starts = 0;
        while (true)
        {
            try
            {
                var reply = await send(request, cancellationToken).ConfigureAwait(false);
                if (reply.Ok || reply.Error != SupervisorHost.ClosingError)
                {
                    return reply;
                }
            }
            catch (ControlUnavailableException)
            {
                // No host, or a dead one's socket: start one below.
            }

            if (DateTime.UtcNow >= deadline || starts >= MaxHostStarts)
            {
                throw new ControlUnavailableException($"no supervisor host answers at {_files.ControlSocket}; its log is {_files.Log}");
            }

            if (await EnsureHostAsync(deadline, cancellationToken).ConfigureAwait(false))
            {
                starts++;
            }
        }
    }

    /// <summary>True when a host serves on the socket (not one that is closing).</summary>
    public async Task<bool> IsServingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var reply = await ControlClient.SendAsync(_files.ControlSocket, new ControlRequest(ControlRequest.Ping), _startLimit, cancellationToken).ConfigureAwait(false);
            return reply is { Ok: true, Status: SupervisorHost.Serving };
        }
        catch (ControlUnavailableException)
        {
            return false;
        }
    }

    /// <summary>
    /// Starts a host unless one serves and waits until it serves (or exited, or the start limit passed), for a front
    /// end with other work to do meanwhile; <see cref="SendAsync(ControlRequest, CancellationToken)"/> still handles
    /// a host that is not there.
    /// </summary>
    public Task EnsureServingAsync(CancellationToken cancellationToken = default) =>
        EnsureHostAsync(DateTime.UtcNow + _startLimit, cancellationToken);

    /// <summary>
    /// The same, calling <paramref name="underWay"/> as soon as a host process exists (this call started one, or found
    /// one serving or being started by another front end), before the wait for it to serve.
    /// </summary>
    public Task EnsureServingAsync(Action underWay, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(underWay);
        return EnsureHostAsync(DateTime.UtcNow + _startLimit, cancellationToken, underWay);
    }

    /// <summary>Starts a host unless one serves; true when this call started one.</summary>
    private async Task<bool> EnsureHostAsync(DateTime deadline, CancellationToken cancellationToken, Action? underWay = null)
    {
        _files.EnsurePrivateDirectory();
        using var startLock = await FileLock.AcquireAsync(_files.StartLock, Remaining(deadline), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (startLock is null || await IsServingAsync(cancellationToken).ConfigureAwait(false))
        {
            underWay?.Invoke();
            return false; // another front end is starting one (or did): ask it
        }

        int pid;
        try
        {
            pid = _startHost();
        }
        finally
        {
            underWay?.Invoke();
        }

        var startTicks = ProcessIdentity.StartTicks(pid);
        while (DateTime.UtcNow < deadline && !await IsServingAsync(cancellationToken).ConfigureAwait(false))
        {
            if (startTicks is null || !ProcessIdentity.IsAlive(pid, startTicks.Value))
            {
                break; // it exited: another host took over, or it failed (its log says why)
            }

            await Task.Delay(PollDelay, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    private static TimeSpan Remaining(DateTime deadline) =>
        deadline > DateTime.UtcNow ? deadline - DateTime.UtcNow : TimeSpan.Zero;
}
