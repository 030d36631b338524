using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace AgentDeck.Processes;

/// <summary>
/// Sends one request line with open descriptors attached (<c>SCM_RIGHTS</c> over a Unix socket) to a
/// <see cref="DescriptorServer"/> and returns its answer line. The receiver gets its own copies of the descriptors;
/// the sender's stay open until it closes them.
/// </summary>
public static class DescriptorClient
{
    /// <exception cref="SocketException">Nothing listens at <paramref name="socketPath"/>.</exception>
    /// <exception cref="TimeoutException">No answer within <paramref name="timeout"/>.</exception>
    /// <exception cref="IOException">The server closed the connection without an answer.</exception>
    public static Task<string> SendAsync(string socketPath, string line, IReadOnlyList<SafeHandle> descriptors, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(descriptors);
        return Task.Run(() => Send(socketPath, line, descriptors, (int)timeout.TotalMilliseconds), cancellationToken);
    }

    private static string Send(string socketPath, string line, IReadOnlyList<SafeHandle> descriptors, int timeoutMs)
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(socketPath));
        var added = new bool[descriptors.Count];
        try
        {
            var numbers = new int[descriptors.Count];
            for (var i = 0; i < descriptors.Count; i++)
            {
                descriptors[i].DangerousAddRef(ref added[i]);
                numbers[i] = (int)descriptors[i].DangerousGetHandle();
            }

            Posix.SendWithDescriptors(socket.Handle, Encoding.UTF8.GetBytes(line + "\n"), numbers, timeoutMs);
        }
        finally
        {
            for (var i = 0; i < descriptors.Count; i++)
            {
                if (added[i])
                {
                    descriptors[i].DangerousRelease();
                }
            }
        }

        return DescriptorLines.ReadLine(socket.Handle, [], timeoutMs)
            ?? throw new IOException($"{socketPath} closed the connection without an answer");
    }
}
