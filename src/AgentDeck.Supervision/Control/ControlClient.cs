using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AgentDeck.Supervision.Control;

/// <summary>Talks to a run's supervisor over its control socket; front ends (CLI, TUI, MCP) use this.</summary>
public static class ControlClient
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan BusyRetryDelay = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// Sends one request and returns the reply. Every way the exchange can break (no socket, nobody listening, the
    /// peer closing before it read the request or before it answered, an answer that is not a reply) throws
    /// <see cref="ControlUnavailableException"/> with a one-line message; no answer in time throws
    /// <see cref="TimeoutException"/>.
    /// </summary>
    public static async Task<ControlReply> SendAsync(string socketPath, ControlRequest request, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout ?? DefaultTimeout);
        try
        {
            using var socket = await ConnectAsync(socketPath, limit.Token).ConfigureAwait(false);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var line = await ExchangeAsync(stream, socketPath, request, limit.Token).ConfigureAwait(false);
            return ReadReply(line, socketPath);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the supervisor at {socketPath} did not answer '{request.Op}' in time");
        }
    }

    private static async Task<string> ExchangeAsync(NetworkStream stream, string socketPath, ControlRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" })
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(request, SupervisionJsonContext.Default.ControlRequest)).ConfigureAwait(false);
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // A supervisor that ended (or is ending) closes its end: a broken pipe says no more than that.
            throw new ControlUnavailableException($"the supervisor at {socketPath} closed the connection before it took the request", e);
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        try
        {
            return await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                   ?? throw new ControlUnavailableException($"the supervisor at {socketPath} closed the connection without an answer");
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            throw new ControlUnavailableException($"the supervisor at {socketPath} closed the connection without an answer", e);
        }
    }

    private static ControlReply ReadReply(string line, string socketPath)
    {
        try
        {
            return JsonSerializer.Deserialize(line, SupervisionJsonContext.Default.ControlReply)
                   ?? throw new ControlUnavailableException($"the supervisor at {socketPath} sent an empty answer");
        }
        catch (JsonException e)
        {
            throw new ControlUnavailableException($"the supervisor at {socketPath} sent an answer that is not a control reply", e);
        }
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

        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken).ConfigureAwait(false);
                return socket;
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.TryAgain or SocketError.WouldBlock)
            {
                // The listener's queue is full (many front ends at once): it serves, so wait for a place in it.
                socket.Dispose();
            }
            catch (SocketException e)
            {
                socket.Dispose();
                throw new ControlUnavailableException($"no supervisor answers at {socketPath} ({e.SocketErrorCode})", e);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            await Task.Delay(BusyRetryDelay, cancellationToken).ConfigureAwait(false);
        }
    }
}
