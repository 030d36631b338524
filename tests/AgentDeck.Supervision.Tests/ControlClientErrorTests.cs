using System.Net.Sockets;
using System.Text;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Tests.Support;

namespace AgentDeck.Supervision.Tests;

/// <summary>
/// Every way a control exchange can break reaches the caller as one exception with a one-line message (front ends
/// print it as is): <see cref="ControlUnavailableException"/>, or <see cref="TimeoutException"/> for a silent peer.
/// The peers here are raw sockets that misbehave on purpose.
/// </summary>
public sealed class ControlClientErrorTests : IDisposable
{
    private static readonly ControlRequest Ping = new(ControlRequest.Ping);

    private readonly TempState _state = new();

    public void Dispose() => _state.Dispose();

    private string SocketPath => Path.Combine(_state.Directory, "peer.sock");

    [Fact]
    public async Task Given_no_socket_When_sent_Then_it_is_unavailable()
    {
        var error = await Assert.ThrowsAsync<ControlUnavailableException>(() => ControlClient.SendAsync(SocketPath, Ping));

        AssertOneLine(error, "no supervisor socket");
    }

    [Fact]
    public async Task Given_a_socket_nobody_listens_on_When_sent_Then_it_is_unavailable()
    {
        StaleSocket.Create(SocketPath);

        var error = await Assert.ThrowsAsync<ControlUnavailableException>(() => ControlClient.SendAsync(SocketPath, Ping));

        AssertOneLine(error, "no supervisor answers");
    }

    [Fact]
    public async Task Given_a_peer_that_closes_before_reading_When_a_request_is_written_Then_the_broken_pipe_is_unavailable()
    {
        using var listener = Listen();
        var peer = Task.Run(async () =>
        {
            using var connection = await listener.AcceptAsync();
        });
        // Far more than the socket buffers hold: the write is still under way when the peer closes.
        var large = new ControlRequest(ControlRequest.Steer) { Message = new string('x', 8 * 1024 * 1024) };

        var error = await Assert.ThrowsAsync<ControlUnavailableException>(() => ControlClient.SendAsync(SocketPath, large));

        await peer;
        AssertOneLine(error, "closed the connection before it took the request");
    }

    [Fact]
    public async Task Given_a_peer_that_reads_the_request_and_closes_When_sent_Then_it_is_unavailable()
    {
        using var listener = Listen();
        var peer = ServeOnce(listener, _ => null);

        var error = await Assert.ThrowsAsync<ControlUnavailableException>(() => ControlClient.SendAsync(SocketPath, Ping));

        await peer;
        AssertOneLine(error, "closed the connection without an answer");
    }

    [Fact]
    public async Task Given_a_peer_that_resets_the_connection_after_reading_When_sent_Then_it_is_unavailable()
    {
        using var listener = Listen();
        var peer = Task.Run(async () =>
        {
            using var connection = await listener.AcceptAsync();
            await ReadLineAsync(connection);
            connection.LingerState = new LingerOption(true, 0);
            connection.Close();
        });

        var error = await Assert.ThrowsAsync<ControlUnavailableException>(() => ControlClient.SendAsync(SocketPath, Ping));

        await peer;
        AssertOneLine(error, "closed the connection without an answer");
    }

    [Fact]
    public async Task Given_a_peer_that_answers_with_something_else_When_sent_Then_it_is_unavailable()
    {
        using var listener = Listen();
        var peer = ServeOnce(listener, _ => "this is not json\n");

        var error = await Assert.ThrowsAsync<ControlUnavailableException>(() => ControlClient.SendAsync(SocketPath, Ping));

        await peer;
        AssertOneLine(error, "not a control reply");
    }

    [Fact]
    public async Task Given_a_peer_that_never_answers_When_sent_with_a_limit_Then_it_times_out()
    {
        using var listener = Listen();
        using var release = new CancellationTokenSource();
        var peer = Task.Run(async () =>
        {
            using var connection = await listener.AcceptAsync();
            await ReadLineAsync(connection);
            await Task.Delay(Timeout.Infinite, release.Token).ContinueWith(_ => { });
        });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => ControlClient.SendAsync(SocketPath, Ping, TimeSpan.FromMilliseconds(200)));

        await release.CancelAsync();
        await peer;
        AssertOneLine(error, "did not answer 'ping' in time");
    }

    [Fact]
    public async Task Given_a_listener_with_a_full_queue_When_sent_Then_it_waits_for_a_place_and_gets_the_answer()
    {
        using var listener = Listen(backlog: 1);
        // Fill the queue: these connect but are never accepted until the request below is under way.
        var queued = Enumerable.Range(0, 4).Select(_ => new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)).ToList();
        foreach (var socket in queued)
        {
            try
            {
                socket.Blocking = false;
                socket.Connect(new UnixDomainSocketEndPoint(SocketPath));
            }
            catch (SocketException)
            {
                // EAGAIN once the queue is full: exactly what the client must wait out.
            }
        }

        var sending = ControlClient.SendAsync(SocketPath, Ping, TimeSpan.FromSeconds(30));
        await Task.Delay(50);
        foreach (var socket in queued)
        {
            socket.Dispose();
        }

        var serving = Task.Run(async () =>
        {
            while (true)
            {
                using var connection = await listener.AcceptAsync();
                if (await ReadLineAsync(connection) is not null)
                {
                    await connection.SendAsync(Encoding.UTF8.GetBytes("{\"ok\":true,\"status\":\"running\"}\n"));
                    return;
                }
            }
        });

        var reply = await sending;
        await serving;
        Assert.Equal((true, "running"), (reply.Ok, reply.Status));
    }

    private Socket Listen(int backlog = 16)
    {
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(SocketPath));
        listener.Listen(backlog);
        return listener;
    }

    /// <summary>Accepts one connection, reads its request line and writes <paramref name="answer"/>'s text (null: nothing), then closes.</summary>
    private static Task ServeOnce(Socket listener, Func<string, string?> answer) => Task.Run(async () =>
    {
        using var connection = await listener.AcceptAsync();
        var line = await ReadLineAsync(connection) ?? string.Empty;
        if (answer(line) is { } text)
        {
            await connection.SendAsync(Encoding.UTF8.GetBytes(text));
        }

        connection.Shutdown(SocketShutdown.Both);
    });

    private static async Task<string?> ReadLineAsync(Socket connection)
    {
        var bytes = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await connection.ReceiveAsync(buffer);
            if (read == 0)
            {
                return null;
            }

            var newline = Array.IndexOf(buffer, (byte)'\n', 0, read);
            bytes.AddRange(buffer.Take(newline < 0 ? read : newline));
            if (newline >= 0)
            {
                return Encoding.UTF8.GetString([.. bytes]);
            }
        }
    }

    private static void AssertOneLine(Exception error, string expected)
    {
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
