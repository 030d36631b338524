using System.Net.Sockets;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace AgentDeck.Processes;

/// <summary>
/// A Unix socket (mode 0600) whose requests are one line each with open descriptors attached, sent by
/// <see cref="DescriptorClient"/>. The answer callback owns the received descriptors (close-on-exec, so no child
/// inherits them); when it throws, its message is the answer.
/// </summary>
public sealed class DescriptorServer : IAsyncDisposable
{
    private static readonly TimeSpan RequestLimit = TimeSpan.FromSeconds(30);

    private readonly Socket _listener;
    private readonly Func<string, IReadOnlyList<SafeFileHandle>, CancellationToken, Task<string>> _answer;
    private readonly Func<Exception, string> _failure;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;

    private DescriptorServer(string path, Socket listener, Func<string, IReadOnlyList<SafeFileHandle>, CancellationToken, Task<string>> answer, Func<Exception, string> failure)
    {
        SocketPath = path;
        _listener = listener;
        _answer = answer;
        _failure = failure;
        _acceptLoop = AcceptAsync();
    }

    public string SocketPath { get; }

    /// <summary>Serves <paramref name="path"/> (a socket file left there is replaced: the caller owns the path).</summary>
    /// <param name="failure">The answer line for a request whose handling threw.</param>
    public static DescriptorServer Start(
        string path, Func<string, IReadOnlyList<SafeFileHandle>, CancellationToken, Task<string>> answer, Func<Exception, string> failure)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(failure);
        File.Delete(path);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(path));
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            listener.Listen(16);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        return new DescriptorServer(path, listener, answer, failure);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
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

            _ = Task.Run(() => ServeAsync(connection));
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        using var _ = connection;
        var timeoutMs = (int)RequestLimit.TotalMilliseconds;
        var received = new List<int>();
        string? line;
        try
        {
            line = DescriptorLines.ReadLine(connection.Handle, received, timeoutMs);
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
            line = null;
        }

        var handles = received.Select(d => new SafeFileHandle(d, ownsHandle: true)).ToArray();
        if (line is null)
        {
            Array.ForEach(handles, h => h.Dispose());
            return;
        }

        string reply;
        try
        {
            reply = await _answer(line, handles, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            reply = _failure(e);
        }

        try
        {
            Posix.SendWithDescriptors(connection.Handle, Encoding.UTF8.GetBytes(reply + "\n"), [], timeoutMs);
        }
        catch (Exception e) when (e is IOException or TimeoutException)
        {
            // The sender went away; it learns nothing, and the answer's effects stand.
        }
    }
}
