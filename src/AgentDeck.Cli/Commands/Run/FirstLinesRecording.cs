using AgentDeck.Ledger;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>
/// A cold spawn's first stdout lines, recorded by the front end while the supervisor host starts (the host's own start
/// is longer than many agents take to print): the worker's capture file is looked at every couple of milliseconds,
/// and each complete line goes through the normal <see cref="RunRecorder"/> (raw log, events, tallies) and is
/// committed at once, so every reader of the ledger sees it. <see cref="Stop"/> ends the looking; the host, told so in
/// the adopt request, reads the capture from its start and replays those lines without recording them again. The
/// ledger is this recording's alone from <see cref="Start"/> to <see cref="Stop"/>.
/// </summary>
public sealed class FirstLinesRecording : IDisposable
{
    // A regular file is always "ready": a cheap read every few milliseconds is the wait, for the few hundred
    // milliseconds the host takes to start.
    private static readonly TimeSpan LookInterval = TimeSpan.FromMilliseconds(2);

    private readonly CaptureLines _capture;
    private readonly Func<bool> _workerEnded;
    private readonly Func<RunRecorder> _openRecorder;
    private readonly Thread _looking;
    private volatile bool _stopping;
    private RunRecorder? _recorder;
    private Exception? _failure;
    private long? _recorded;

    private FirstLinesRecording(CaptureLines capture, Func<bool> workerEnded, Func<RunRecorder> openRecorder, Action warmUp)
    {
        _capture = capture;
        _workerEnded = workerEnded;
        _openRecorder = openRecorder;
        _looking = new Thread(() => Look(warmUp)) { IsBackground = true, Name = "first-lines" };
        _looking.Start();
    }

    /// <summary>Starts recording the worker's first lines from its capture file.</summary>
    /// <param name="capturePath">The worker's stdout capture file (it may not exist yet).</param>
    /// <param name="workerEnded">True once the worker has exited: what the file holds then is all there will be.</param>
    /// <param name="openRecorder">The run's recorder with the agent's parser; called on the recording's thread.</param>
    /// <param name="warmUp">Work done on that thread before the first look, so the first line costs no JIT (e.g. a throwaway parse).</param>
    public static FirstLinesRecording Start(string capturePath, Func<bool> workerEnded, Func<RunRecorder> openRecorder, Action warmUp)
    {
        ArgumentNullException.ThrowIfNull(capturePath);
        ArgumentNullException.ThrowIfNull(workerEnded);
        ArgumentNullException.ThrowIfNull(openRecorder);
        ArgumentNullException.ThrowIfNull(warmUp);
        return new FirstLinesRecording(new CaptureLines(capturePath), workerEnded, openRecorder, warmUp);
    }

    /// <summary>
    /// Stops looking, records and commits what arrived last, and returns the complete lines recorded. Calling it again
    /// returns the same.
    /// </summary>
    /// <exception cref="InvalidOperationException">The lines could not be recorded (the ledger or the raw log failed).</exception>
    public long Stop()
    {
        if (_recorded is { } recorded)
        {
            return recorded;
        }

        _stopping = true;
        _looking.Join();
        try
        {
            if (_failure is null)
            {
                _recorder ??= _openRecorder();
                RecordNewLines();
            }
        }
        catch (Exception error)
        {
            _failure = error;
        }
        finally
        {
            CloseRecorder();
            _capture.Dispose();
        }

        if (_failure is { } failure)
        {
            throw new InvalidOperationException($"could not record the worker's first output: {failure.Message}", failure);
        }

        _recorded = _capture.Lines;
        return _recorded.Value;
    }
    /// <summary>Stops looking when <see cref="Stop"/> was not called (the hand-over failed early); never throws.</summary>
    public void Dispose()
    {
        if (_recorded is not null)
        {
            return;
        }

        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // The caller fails the run with its own reason.
        }
    }

    private void Look(Action warmUp)
    {
        try
        {
            _recorder = _openRecorder();
            warmUp();
            while (!_stopping)
            {
                var ended = _workerEnded();
                RecordNewLines();
                if (ended)
                {
                    // The worker exited: what its capture holds now is all there will be, and is recorded.
                    return;
                }

                Thread.Sleep(LookInterval);
            }
        }
        catch (Exception error)
        {
            _failure = error;
        }
    }

    private void RecordNewLines()
    {
        var lines = _capture.ReadNewLines();
        if (lines.Count == 0)
        {
            return;
        }

        foreach (var line in lines)
        {
            _recorder!.AddStdoutLine(line);
        }

        _recorder!.Flush();
    }

    private void CloseRecorder()
    {
        try
        {
            _recorder?.Dispose();
        }
        catch (Exception error)
        {
            _failure ??= error;
        }
    }
}
