using System.Diagnostics;
using AgentDeck.Core.Storage;
using AgentDeck.Ledger;

namespace AgentDeck.Ledger.Tests.Support;

/// <summary>A throwaway AgentDeck state directory with a real ledger file; removed (even when made read-only) on dispose.</summary>
internal sealed class TempState : IDisposable
{
    private readonly List<string> _lockedPaths = [];

    public TempState()
    {
        Directory = Path.Combine(Path.GetTempPath(), "agentdeck-ledger-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Paths = new AgentDeckPaths(Directory);
    }

    public string Directory { get; }

    public AgentDeckPaths Paths { get; }

    public string LedgerFile => Paths.LedgerFile;

    public SqliteRunLedger Open(LedgerOptions? options = null) => SqliteRunLedger.Open(Paths, options);

    /// <summary>
    /// Makes a file or directory unwritable for this process. Root ignores permission bits, so as root the
    /// immutable attribute is used instead (a real EPERM from the kernel either way).
    /// </summary>
    public void MakeUnwritable(string path)
    {
        if (IsRoot())
        {
            Run("chattr", "+i", path);
        }
        else if (!OperatingSystem.IsWindows())
        {
            var mode = System.IO.Directory.Exists(path)
                ? UnixFileMode.UserRead | UnixFileMode.UserExecute
                : UnixFileMode.UserRead;
            File.SetUnixFileMode(path, mode);
        }

        _lockedPaths.Add(path);
    }

    public void MakeWritable(string path)
    {
        if (IsRoot())
        {
            Run("chattr", "-i", path);
        }
        else if (!OperatingSystem.IsWindows())
        {
            var mode = System.IO.Directory.Exists(path)
                ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite;
            File.SetUnixFileMode(path, mode);
        }

        _lockedPaths.Remove(path);
    }

    public void Dispose()
    {
        foreach (var path in _lockedPaths.ToArray())
        {
            MakeWritable(path);
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A helper process may still be closing its files; the temp root is cleaned by the OS.
        }
    }

    private static bool IsRoot() => GetUid() == 0;

    private static int GetUid()
    {
        var status = File.ReadAllLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return status is null ? -1 : int.Parse(status.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);
    }

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error}");
        }
    }
}
