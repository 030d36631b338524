using System.Text.Json;
using AgentDeck.Core.Storage;

namespace AgentDeck.Supervision;

/// <summary>
/// Who supervises a run, written to <c>supervisor.json</c> in the run folder: the supervisor's pid and start ticks
/// (so a reused pid is not mistaken for it) and the agent's pid once started.
/// </summary>
public sealed record SupervisorRecord(int Pid, long StartTicks, DateTimeOffset StartedAt)
{
    public int? AgentPid { get; init; }

    public bool IsAlive => ProcessIdentity.IsAlive(Pid, StartTicks);

    public SupervisorRecord With(int agentPid) => this with { AgentPid = agentPid };

    public static SupervisorRecord ForCurrentProcess(DateTimeOffset now) =>
        new(Environment.ProcessId, ProcessIdentity.CurrentStartTicks() ?? 0, now);

    public void Save(string path)
    {
        OwnerOnly.WriteAllTextAtomically(path, JsonSerializer.Serialize(this, SupervisionJsonContext.Default.SupervisorRecord));
    }

    /// <summary>The record, or null when there is none (or it is unreadable, e.g. torn by a crash).</summary>
    public static SupervisorRecord? TryLoad(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), SupervisionJsonContext.Default.SupervisorRecord);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
