using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using AgentDeck.Terminal.Input;
using Microsoft.Win32.SafeHandles;

namespace AgentDeck.Terminal;

/// <summary>
/// The real terminal while the full-screen UI runs: raw mode, alternate screen, hidden cursor, bracketed paste,
/// SGR mouse and focus reporting on start; all of it undone on Dispose, process exit, an unhandled exception,
/// SIGTERM, SIGHUP, SIGINT and SIGQUIT. Input bytes are read on their own thread into a queue and decoded on the
/// caller's thread by <see cref="ReadEvents"/>; SIGWINCH becomes a <see cref="ResizeEvent"/>.
/// <see cref="Draw"/> writes only the difference from the last frame, in one write.
/// </summary>
public sealed class TerminalSession : IDisposable
{
    private const int MinimumSize = 1;

    private readonly ITerminalDevice _device;
    private readonly Stream _output;
    private readonly TerminalSessionOptions _options;
    private readonly InputDecoder _decoder;
    private readonly DiffWriter _diff;
    private readonly ArrayBufferWriter<byte> _frameBytes = new(64 * 1024);
    private static readonly object WakeSignal = new();
    private readonly BlockingCollection<object> _input = new(new ConcurrentQueue<object>());
    private readonly List<IDisposable> _signalRegistrations = [];
    private readonly Lock _writeLock = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread? _inputThread;
    private CellBuffer? _lastFrame;
    private int _restored;

    internal TerminalSession(ITerminalDevice device, Stream output, TerminalSessionOptions options, TimeProvider clock, bool handleProcessEvents)
    {
        _device = device;
        _output = output;
        _options = options;
        _decoder = new InputDecoder(clock, options.EscapeTimeout);
        ColorDepth = options.ColorDepth ?? ColorDepthDetector.Detect();
        _diff = new DiffWriter(ColorDepth);
        (Width, Height) = ReadSize();

        _device.EnterRawMode();
        try
        {
            WriteAll(TerminalModes.Enter(options));
        }
        catch
        {
            _device.RestoreMode();
            throw;
        }

        if (handleProcessEvents)
        {
            InstallRestoreHandlers();
        }

        _inputThread = new Thread(ReadInputLoop) { IsBackground = true, Name = "AgentDeck terminal input" };
        _inputThread.Start();
    }

    /// <summary>Takes over the process's terminal (stdin/stdout must be a tty).</summary>
    public static TerminalSession Open(TerminalSessionOptions? options = null)
    {
        if (!PosixTerminalDevice.IsTerminal(0) || !PosixTerminalDevice.IsTerminal(1))
        {
            throw new TerminalUnavailableException("AgentDeck's screen needs a terminal, but stdin or stdout is redirected; run it in a terminal or use the CLI commands.");
        }

        var stdout = new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);
        return new TerminalSession(new PosixTerminalDevice(), stdout, options ?? new TerminalSessionOptions(), TimeProvider.System, handleProcessEvents: true);
    }

    public int Width { get; private set; }
    public int Height { get; private set; }
    public ColorDepth ColorDepth { get; }

    /// <summary>Bytes written by the last <see cref="Draw"/>.</summary>
    public int LastFrameBytes { get; private set; }

    /// <summary>Writes the changes from the previous frame (the whole frame the first time and after a resize) in one write.</summary>
    public void Draw(CellBuffer frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ObjectDisposedException.ThrowIf(_restored != 0, this);
        _frameBytes.ResetWrittenCount();
        _diff.Write(_lastFrame, frame, _frameBytes);
        LastFrameBytes = _frameBytes.WrittenCount;
        if (LastFrameBytes > 0)
        {
            WriteAll(_frameBytes.WrittenSpan);
        }

        _lastFrame ??= new CellBuffer(frame.Width, frame.Height);
        _lastFrame.CopyFrom(frame);
    }

    /// <summary>Forgets what is on screen so the next <see cref="Draw"/> repaints everything (e.g. after Ctrl+L).</summary>
    public void Invalidate() => _diff.Invalidate();

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for input and returns the decoded events (empty on timeout). A pending
    /// lone ESC shortens the wait to its own timeout.
    /// </summary>
    public IReadOnlyList<InputEvent> ReadEvents(TimeSpan timeout)
    {
        var events = new List<InputEvent>();
        var wait = _decoder.TimeUntilPoll is { } pending && pending < timeout ? pending : timeout;
        if (_input.TryTake(out var item, wait))
        {
            Accept(item, events);
            while (_input.TryTake(out item))
            {
                Accept(item, events);
            }
        }

        _decoder.Poll(events);
        return events;
    }

    /// <summary>
    /// Ends a pending <see cref="ReadEvents"/> wait at once without any input (e.g. new data to show); callable from
    /// any thread.
    /// </summary>
    public void Wake() => _input.Add(WakeSignal);

    /// <summary>Called on SIGWINCH: re-reads the size and queues a <see cref="ResizeEvent"/>.</summary>
    internal void NotifyResized()
    {
        var (width, height) = ReadSize();
        _input.Add(new ResizeEvent(width, height));
    }

    public void Dispose()
    {
        Restore();
        _stop.Cancel();
        _inputThread?.Join(TimeSpan.FromSeconds(1));
        foreach (var registration in _signalRegistrations)
        {
            registration.Dispose();
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException -= OnUnhandledException;
    }

    /// <summary>Leaves the terminal as it was found. Runs once, whichever path gets here first.</summary>
    private void Restore()
    {
        if (Interlocked.Exchange(ref _restored, 1) != 0)
        {
            return;
        }

        try
        {
            WriteAll(TerminalModes.Exit(_options));
        }
        catch (IOException)
        {
            // The terminal is gone (hang-up); the mode is still put back below.
        }
        finally
        {
            _device.RestoreMode();
        }
    }

    private void Accept(object item, List<InputEvent> events)
    {
        switch (item)
        {
            case byte[] bytes:
                _decoder.Feed(bytes, events);
                break;
            case ResizeEvent resize:
                (Width, Height) = (resize.Width, resize.Height);
                events.Add(resize);
                break;
        }
    }

    private void ReadInputLoop()
    {
        var buffer = new byte[4096];
        while (!_stop.IsCancellationRequested)
        {
            var count = _device.Read(buffer, 100);
            if (count < 0)
            {
                return;
            }

            if (count > 0)
            {
                _input.Add(buffer[..count]);
            }
        }
    }

    private (int Width, int Height) ReadSize()
    {
        var (width, height) = _device.GetSize() ?? (80, 24);
        return (Math.Max(MinimumSize, width), Math.Max(MinimumSize, height));
    }

    private void WriteAll(ReadOnlySpan<byte> bytes)
    {
        lock (_writeLock)
        {
            _output.Write(bytes);
            _output.Flush();
        }
    }

    private void InstallRestoreHandlers()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
        AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP, PosixSignal.SIGINT, PosixSignal.SIGQUIT })
        {
            // Restore, then let the signal's default action (ending the process) go ahead.
            _signalRegistrations.Add(PosixSignalRegistration.Create(signal, _ => Restore()));
        }

        _signalRegistrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGWINCH, _ => NotifyResized()));
    }

    private void OnProcessExit(object? sender, EventArgs e) => Restore();

    private void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e) => Restore();
}
