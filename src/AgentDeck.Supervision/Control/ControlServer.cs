using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace AgentDeck.Supervision.Control;

/// <summary>
/// A control socket: a Unix domain socket (mode 0600, inside a 0700 folder) answering JSON-line requests — a run's
/// (steer, interrupt, stop) or the supervisor host's (start). A socket file left by a dead supervisor is removed at
/// start; one that still answers means someone serves it already, and starting fails.
/// </summary>
public sealed class ControlServer : IAsyncDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    // Every front end of a burst (16 run --detach, a status loop pinging each run) may connect before one is accepted;
    // past the queue a connect fails at once, which a front end would read as "nobody serves".
    private const int Backlog = 512;

    private readonly Socket _listener;
    private readonly Func<ControlRequest, CancellationToken, Task<ControlReply>> _answer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;

    private ControlServer(string path, Socket listener, Func<ControlRequest, CancellationToken, Task<ControlReply>> answer)
    {
        SocketPath = path;
        _listener = listener;
        _answer = answer;
        _acceptLoop = AcceptAsync();
    }

    public string SocketPath { get; }

    /// <summary>A run's socket: ping, steer, interrupt and stop go to the worker.</summary>
    public static Task<ControlServer> StartAsync(string path, ISupervisedWorker control, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(control);
        return StartAsync(path, (request, token) => AnswerWorkerAsync(control, request, token), cancellationToken);
    }

    /// <summary>A socket whose requests <paramref name="answer"/> handles (its exceptions become failure replies).</summary>
    public static async Task<ControlServer> StartAsync(
        string path, Func<ControlRequest, CancellationToken, Task<ControlReply>> answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (File.Exists(path))
        {
            if (await ControlClient.AnswersAsync(path, cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"{path} is in use: another supervisor runs this worker");
            }

            File.Delete(path);
        }

        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, OwnerReadWrite);
            }

            listener.Listen(Backlog);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        return new ControlServer(path, listener, answer);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        try
        {
            File.Delete(SocketPath);
        }
        catch (IOException)
        {
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket connection;
            try
            {
                connection = await _listener.AcceptAsync(_stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        using var _ = connection;
        await using var stream = new NetworkStream(connection, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        try
        {
            while (await reader.ReadLineAsync(_stopping.Token).ConfigureAwait(false) is { } line)
            {
                var reply = await AnswerAsync(line).ConfigureAwait(false);
                await writer.WriteLineAsync(JsonSerializer.Serialize(reply, SupervisionJsonContext.Default.ControlReply)).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The front end went away or the supervisor is closing; the worker goes on either way.
        }
    }

    private async Task<ControlReply> AnswerAsync(string line)
    {
        ControlRequest? request;
        try
        {
            request = JsonSerializer.Deserialize(line, SupervisionJsonContext.Default.ControlRequest);
        }
        catch (JsonException)
        {
            return ControlReply.Failure("request is not a JSON control request");
        }

        if (request is null)
        {
            return ControlReply.Failure("request is not a JSON control request");
        }

        try
        {
            return await _answer(request, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ControlReply.Failure(e.Message);
        }
    }

    private static async Task<ControlReply> AnswerWorkerAsync(ISupervisedWorker control, ControlRequest request, CancellationToken cancellationToken) =>
        request.Op switch
        {
            ControlRequest.Ping => control.Ping(),
            ControlRequest.Steer when string.IsNullOrWhiteSpace(request.Message) => ControlReply.Failure("steer needs a non-empty message"),
            ControlRequest.Steer => await control.SteerAsync(request.Message!, request.From, cancellationToken).ConfigureAwait(false),
            ControlRequest.Interrupt => await control.InterruptAsync(cancellationToken).ConfigureAwait(false),
            ControlRequest.Stop => await control.StopAsync(request.Force, cancellationToken).ConfigureAwait(false),
            var op => ControlReply.Failure($"unknown control op '{op}': use ping, steer, interrupt or stop"),
        };
}
