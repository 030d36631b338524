using System.Diagnostics;
using System.Text;
using AgentDeck.Core.Processes;

namespace AgentDeck.Processes;

/// <summary>
/// The real <see cref="IProcessRunner"/> on System.Diagnostics.Process (Linux). Children never inherit the front
/// end's terminal: their stdio are pipes (or files for daemons).
/// </summary>
public sealed class ProcessRunner : IProcessRunner, IProcessHandoff
{
    // After a kill, output pipes normally close at once; a grandchild that escaped the group may hold them open.
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(5);

    private readonly LineSplitter _splitter;

    public ProcessRunner()
        : this(LineSplitter.DefaultMaxLineBytes)
    {
    }

    /// <param name="maxLineBytes">Longer stdout/stderr lines are delivered in pieces of this size.</param>
    public ProcessRunner(int maxLineBytes) => _splitter = new LineSplitter(maxLineBytes);

    /// <param name="readPace">
    /// Awaited between small reads of a started child's stdout/stderr (a shared tick), so that output trickling in a
    /// line at a time is taken in bursts: the supervisor host reads all its workers on one clock.
    /// </param>
    public ProcessRunner(Func<CancellationToken, Task> readPace)
        => _splitter = new LineSplitter(LineSplitter.DefaultMaxLineBytes, readPace ?? throw new ArgumentNullException(nameof(readPace)));

    public async Task<ProcessResult> RunAsync(ProcessSpec spec, string? stdinText, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var startInfo = StartInfoFactory.ForChild(spec);
        using var process = StartInfoFactory.Start(spec, startInfo);
        var ownsGroup = spec.Grouping == ProcessGrouping.NewSession;
        if (ownsGroup)
        {
            SessionLeader.WaitUntilLeading(process.Id, () => process.HasExited);
        }

        // Cancelled once the outcome is settled, so reads and writes held up by an escaped grandchild end too.
        using var io = new CancellationTokenSource();
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var transfers = Task.WhenAll(
            FeedStdinAsync(process.StandardInput.BaseStream, stdinText, io.Token),
            CopyAsync(process.StandardOutput.BaseStream, stdout, io.Token),
            CopyAsync(process.StandardError.BaseStream, stderr, io.Token));

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(timeout);
        }

        var timedOut = false;
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
            await transfers.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited)
            {
                Kill(process, ownsGroup);
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                timedOut = !cancellationToken.IsCancellationRequested;
                await transfers.WaitAsync(OutputDrainLimit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            // Whatever still holds the pipes (a grandchild that escaped the kill) is not waited for: the output so far
            // is the output.
            await io.CancelAsync().ConfigureAwait(false);
            await transfers.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return new ProcessResult(process.ExitCode, Decode(stdout), Decode(stderr), timedOut);
    }

    public IRunningProcess Start(ProcessSpec spec)
    {
        var startInfo = StartInfoFactory.ForChild(spec);
        return new RunningProcess(StartInfoFactory.Start(spec, startInfo), spec, _splitter);
    }

    public HandoffProcess StartForHandoff(ProcessSpec spec, WorkerCapture capture, IReadOnlyList<string> firstStdinLines)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(firstStdinLines);
        if (spec.Stdin == StdinMode.Pipe)
        {
            File.WriteAllText(capture.StdinFirstLines, string.Concat(firstStdinLines.Select(line => line + "\n")));
            File.Delete(capture.StdinFifo);
            Posix.MakeFifo(capture.StdinFifo);
        }

        var process = StartInfoFactory.Start(spec, StartInfoFactory.ForHandoff(spec, capture));
        SessionLeader.WaitUntilLeading(process.Id, () => process.HasExited);
        return new HandoffProcess(process, spec);
    }

    public int StartDetached(ProcessSpec spec, string? stdoutPath = null, string? stderrPath = null)
    {
        var startInfo = StartInfoFactory.ForDaemon(spec, stdoutPath, stderrPath);
        using var process = StartInfoFactory.Start(spec, startInfo);
        process.StandardInput.Close();

        // The wrapper points its stdio at the files before it execs the program: end-of-file on our pipes means the
        // daemon's stdio are final. If a redirection fails, the shell's complaint arrives on stderr instead.
        process.StandardOutput.ReadToEnd();
        var complaint = process.StandardError.ReadToEnd().Trim();
        if (complaint.Length > 0 && process.WaitForExit(OutputDrainLimit))
        {
            throw new ProcessStartException(spec.FileName, $"cannot start {spec.FileName}: {complaint.ReplaceLineEndings(" ")}");
        }

        // .NET keeps reaping the child after this handle is disposed, so it never lingers as a zombie; if AgentDeck
        // exits first, the daemon is re-parented and lives on.
        return process.Id;
    }

    private static void Kill(Process process, bool ownsGroup)
    {
        if (ownsGroup)
        {
            Posix.Send(process.Id, ProcessSignal.Kill, group: true);
        }
        else
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static async Task FeedStdinAsync(Stream stdin, string? text, CancellationToken cancellationToken)
    {
        try
        {
            if (text is not null)
            {
                await stdin.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error) when (error is IOException or OperationCanceledException)
        {
            // The command exited without reading all its input; its exit code tells the story.
        }
        finally
        {
            try
            {
                await stdin.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task CopyAsync(Stream source, MemoryStream target, CancellationToken cancellationToken)
    {
        try
        {
            await source.CopyToAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // Pipe closed or abandoned after a kill: keep what arrived.
        }
    }

    private static string Decode(MemoryStream output) => Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
}
