using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AgentDeck.Supervision.Control;

/// <summary>Talks to a run's supervisor over its control socket; front ends (CLI, TUI, MCP) use this.</summary>
public static class ControlClient
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Sends one request and returns the reply. Throws <see cref="ControlUnavailableException"/> when no supervisor
    /// listens there (no socket, or a socket left by a dead one).
    /// </summary>
    public static async Task<ControlReply> SendAsync(string socketPath, ControlRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? DefaultTimeout);
        using var socket = await ConnectAsync(socketPath, limit.Token).ConfigureAwait(false);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        await using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(request, SupervisionJsonContext.Default.ControlRequest)).ConfigureAwait(false);
            await writer.FlushAsync(limit.Token).ConfigureAwait(false);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        string? line;
        try
        {
            line = await reader.ReadLineAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the supervisor at {socketPath} did not answer '{request.Op}' in time");
        }
        catch (IOException e)
        {
            throw new ControlUnavailableException($"the supervisor at {socketPath} closed the connection", e);
        }

        return line is null
            ? throw new ControlUnavailableException($"the supervisor at {socketPath} closed the connection without an answer")
            : JsonSerializer.Deserialize(line, SupervisionJsonContext.Default.ControlReply)
              ?? throw new ControlUnavailableException($"the supervisor at {socketPath} sent an empty answer");
    }

    /// <summary>True when something accepts connections on the socket.</summary>
    public static async Task<bool> AnswersAsync(string socketPath, CancellationToken cancellationToken = default)
    {
        try
        {
            using var socket = await ConnectAsync(socketPath, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ControlUnavailableException)
        {
            return false;
        }
    }

    private static async Task<Socket> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(socketPath))
        {
            throw new ControlUnavailableException($"no supervisor socket at {socketPath}");
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new ControlUnavailableException($"no supervisor answers at {socketPath} ({e.SocketErrorCode})", e);
        }
    }
}
