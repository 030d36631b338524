using System.Text;

namespace AgentDeck.Processes;

/// <summary>Reads one '\n'-terminated line from a socket with <c>recvmsg</c>, keeping descriptors that came with it.</summary>
internal static class DescriptorLines
{
    private const int MaxLineBytes = 64 * 1024 * 1024;

    /// <summary>The line without its '\n', or null when the stream ended first.</summary>
    public static string? ReadLine(nint socket, List<int> descriptors, int timeoutMs)
    {
        var line = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (line.Length < MaxLineBytes)
        {
            var read = Posix.ReceiveWithDescriptors(socket, buffer, descriptors, timeoutMs);
            if (read == 0)
            {
                return null;
            }

            var end = Array.IndexOf(buffer, (byte)'\n', 0, read);
            line.Write(buffer, 0, end < 0 ? read : end);
            if (end >= 0)
            {
                return Encoding.UTF8.GetString(line.GetBuffer(), 0, (int)line.Length);
            }
        }

        throw new IOException($"a request line longer than {MaxLineBytes} bytes");
    }
}
