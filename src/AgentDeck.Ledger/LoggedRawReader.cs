using AgentDeck.Core.Runs;
using AgentDeck.Core.Storage;
using Microsoft.Win32.SafeHandles;

namespace AgentDeck.Ledger;

/// <summary>
/// Reads raw lines that the ledger keeps only as a place in the run's stdout.log or stderr.log (what
/// <see cref="RunRecorder"/> writes), opening each log once per read. A log that is gone or shorter than the place
/// yields no raw bytes rather than an error: the event itself is still whole.
/// </summary>
internal sealed class LoggedRawReader(AgentDeckPaths paths, string runId) : IDisposable
{
    private SafeFileHandle? _stdout;
    private SafeFileHandle? _stderr;
    private bool _stdoutMissing;
    private bool _stderrMissing;

    public byte[]? Read(RunStream stream, long offset, int length)
    {
        var handle = stream == RunStream.Stderr
            ? Open(ref _stderr, ref _stderrMissing, paths.StderrLog(runId))
            : Open(ref _stdout, ref _stdoutMissing, paths.StdoutLog(runId));
        if (handle is null)
        {
            return null;
        }

        var bytes = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = RandomAccess.Read(handle, bytes.AsSpan(read), offset + read);
            if (n == 0)
            {
                return null;
            }

            read += n;
        }

        return bytes;
    }

    public void Dispose()
    {
        _stdout?.Dispose();
        _stderr?.Dispose();
    }

    private static SafeFileHandle? Open(ref SafeFileHandle? handle, ref bool missing, string path)
    {
        if (handle is null && !missing)
        {
            try
            {
                handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                missing = true;
            }
        }

        return handle;
    }
}
