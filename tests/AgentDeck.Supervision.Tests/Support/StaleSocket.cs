using System.Runtime.InteropServices;
using System.Text;

namespace AgentDeck.Supervision.Tests.Support;

/// <summary>
/// Leaves a socket file behind the way a supervisor killed by SIGKILL does: bound, then closed without unlinking
/// (.NET's Socket unlinks on dispose, so libc is called directly).
/// </summary>
internal static partial class StaleSocket
{
    private const int AfUnix = 1;
    private const int SockStream = 1;

    public static void Create(string path)
    {
        var fd = socket(AfUnix, SockStream, 0);
        Assert.True(fd >= 0, "socket() failed");
        try
        {
            var address = new byte[110];
            BitConverter.GetBytes((ushort)AfUnix).CopyTo(address, 0);
            Encoding.UTF8.GetBytes(path).CopyTo(address, 2);
            Assert.Equal(0, bind(fd, address, address.Length));
        }
        finally
        {
            close(fd);
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int bind(int fd, byte[] address, int length);

    [LibraryImport("libc")]
    private static partial int close(int fd);
}
