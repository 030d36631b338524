using AgentDeck.Core.Storage;
using AgentDeck.Processes;
using AgentDeck.Supervision;
using AgentDeck.Supervision.Control;
using AgentDeck.Supervision.Hosting;
using Microsoft.Win32.SafeHandles;

namespace AgentDeck.Cli.Commands.Supervise;

/// <summary>
/// The host's side of a cold spawn: an <c>adopt</c> request from the host's adopt socket, with the worker's stdin pipe,
/// becomes a <see cref="CapturedWorker"/> supervised like any other run. Until the host answers ok the front end owns
/// the worker, so a refusal closes the host's copy of the pipe and nothing else. The request may come while the host
/// is still starting: the worker's capture files are read from then on (its stdout only once the front end stopped
/// recording its first lines, see <see cref="FirstLinesLock"/>), and the adoption waits for <paramref name="host"/>.
/// </summary>
public sealed class HostAdoption(Task<SupervisorHost> host, AgentDeckPaths paths, Func<CancellationToken, Task>? readPace = null)
{
    public async Task<string> AnswerAsync(string line, IReadOnlyList<SafeFileHandle> descriptors, CancellationToken cancellationToken)
    {
        var request = ControlLines.ReadRequest(line);
        if (request is not { Op: ControlRequest.Adopt, Run: { Length: > 0 } run, Pid: { } pid, StartTicks: { } startTicks } || descriptors.Count > 1)
        {
            Close(descriptors);
            return ControlLines.Write(ControlReply.Failure("adopt needs the run id, the worker's pid and start ticks, and (when open) its stdin pipe"));
        }

        var files = new RunFiles(paths, run);
        Func<CancellationToken, Task>? frontEndDone = request.FirstLinesRecorded ? token => FirstLinesLock.WaitUntilFreeAsync(files, token) : null;
        var process = new CapturedWorker(
            pid, () => ProcessIdentity.IsAlive(pid, startTicks), HostOrphans.Capture(files), descriptors.Count == 1 ? descriptors[0] : null,
            request.StdinWritten ?? [], readPace, frontEndDone);
        ControlReply reply;
        try
        {
            var serving = await host.WaitAsync(cancellationToken).ConfigureAwait(false);
            reply = await serving.AdoptAsync(request, process, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        if (!reply.Ok)
        {
            await process.DisposeAsync().ConfigureAwait(false);
        }

        return ControlLines.Write(reply);
    }

    private static void Close(IReadOnlyList<SafeFileHandle> descriptors)
    {
        foreach (var descriptor in descriptors)
        {
            descriptor.Dispose();
        }
    }
}
