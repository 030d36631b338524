using AgentDeck.Core.Storage;

namespace AgentDeck.Supervision.Hosting;

/// <summary>
/// The supervisor host's files, in <c>host/</c> under the state folder (mode 0700, so the socket inside is reachable by
/// the owning user alone): its control socket, the lock it holds for its whole life, the lock front ends take while
/// starting one, and its log.
/// </summary>
public sealed class HostFiles
{
    public const string DirectoryName = "host";

    public HostFiles(AgentDeckPaths paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        Paths = paths;
        Directory = Path.Combine(paths.StateDirectory, DirectoryName);
    }

    public AgentDeckPaths Paths { get; }

    public string Directory { get; }

    public string ControlSocket => Path.Combine(Directory, "control.sock");

    /// <summary>Where a front end hands over a worker it started itself (its pipes travel with the request).</summary>
    public string AdoptSocket => Path.Combine(Directory, "adopt.sock");

    /// <summary>Held by the serving host while it lives; the kernel drops it when the host dies, however it dies.</summary>
    public string HostLock => Path.Combine(Directory, "host.lock");

    /// <summary>Held by a front end while it starts a host, so racing front ends start one.</summary>
    public string StartLock => Path.Combine(Directory, "start.lock");

    public string Log => Path.Combine(Directory, "host.log");

    /// <summary>Creates the folder (and fixes an existing one) with mode 0700.</summary>
    public void EnsurePrivateDirectory()
    {
        OwnerOnly.CreateFolder(Directory);
        OwnerOnly.Tighten(Directory);
    }
}
