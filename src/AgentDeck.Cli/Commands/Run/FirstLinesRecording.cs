using AgentDeck.Ledger;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>
/// A cold spawn's first stdout lines, recorded by the front end while the supervisor host starts (the host's own start
/// is longer than many agents take to print): the worker's stdout is looked into without being consumed
/// (<see cref="PipePeek"/>) every couple of milliseconds, and each complete line goes through the normal
/// <see cref="RunRecorder"/> (raw log, events, tallies) and is committed at once, so every reader of the ledger sees it.
/// <see cref="Stop"/> ends the looking and says what was recorded; those lines are still the first in the pipe, and the
/// host, told so in the adopt request, reads them without recording them again. The ledger is this recording's alone
/// from <see cref="Start"/> to <see cref="Stop"/>.
/// </summary>
public sealed class FirstLinesRecording : IDisposable
{
    // The worker's pipe stays readable while its content is unconsumed, so readiness cannot be waited for: a cheap
    // FIONREAD every few milliseconds is the wait.
    private static readonly TimeSpan LookInterval = TimeSpan.FromMilliseconds(2);

    private readonly PipePeek _peek;
    private readonly Func<RunRecorder> _openRecorder;
    private readonly Thread _looking;
    private volatile bool _stopping;
    private RunRecorder? _recorder;
    private Exception? _failure;
    private (long Lines, long Bytes)? _recorded;

    private FirstLinesRecording(PipePeek peek, Func<RunRecorder> openRecorder, Action warmUp)
    {
        _peek = peek;
        _openRecorder = openRecorder;
        _looking = new Thread(() => Look(warmUp)) { IsBackground = true, Name = "first-lines" };
        _looking.Start();
    }

    /// <summary>
    /// Starts recording the worker's first lines; null where its stdout cannot be looked into (then the host records
    /// everything, as before).
    /// </summary>
    /// <param name="openRecorder">The run's recorder with the agent's parser; called on the recording's thread.</param>
    /// <param name="warmUp">Work done on that thread before the first look, so the first line costs no JIT (e.g. a throwaway parse).</param>
    public static FirstLinesRecording? Start(HandoffProcess worker, Func<RunRecorder> openRecorder, Action warmUp)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(openRecorder);
        ArgumentNullException.ThrowIfNull(warmUp);
        var peek = worker.PeekStdout();
        return peek is null ? null : new FirstLinesRecording(peek, openRecorder, warmUp);
    }

    /// <summary>
    /// Stops looking, records and commits what arrived last, and returns the complete lines recorded and the bytes they
    /// take in the pipe ('\n's included). Calling it again returns the same.
    /// </summary>
    /// <exception cref="InvalidOperationException">The lines could not be recorded (the ledger or the raw log failed).</exception>
    public (long Lines, long Bytes) Stop()
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
            _peek.Dispose();
        }

        if (_failure is { } failure)
        {
            throw new InvalidOperationException($"could not record the worker's first output: {failure.Message}", failure);
        }

        _recorded = (_peek.Lines, _peek.LineBytes);
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
                var ended = _peek.WritersGone;
                RecordNewLines();
                if (ended)
                {
                    // The worker exited: what its pipe holds now is all there will be, and is recorded.
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
        var lines = _peek.ReadNewLines();
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
