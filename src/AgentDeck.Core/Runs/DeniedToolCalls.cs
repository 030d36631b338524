using AgentDeck.Core.Events;

namespace AgentDeck.Core.Runs;

/// <summary>
/// Counts a run's tool calls that the agent's permission mode or sandbox refused, from its events: every
/// <see cref="PermissionDenied"/> (one per call: Claude reports a refusal up to three times, by call id), and the stderr
/// line Codex prints for a patch its sandbox rejected, which is the only trace such a call leaves.
/// </summary>
public sealed class DeniedToolCalls
{
    // Codex 0.169.0 emits no item for a rejected apply_patch; only its router logs "error=patch rejected: …".
    private const string CodexRouter = "codex_core::tools::router";
    private const string CodexPatchRejected = "patch rejected:";

    private readonly HashSet<string> _callIds = new(StringComparer.Ordinal);
    private int _withoutId;

    public int Count => _callIds.Count + _withoutId;

    public void Apply(AgentEvent e)
    {
        switch (e)
        {
            case PermissionDenied { CallId: { Length: > 0 } id }:
                _callIds.Add(id);
                break;
            case PermissionDenied:
                _withoutId++;
                break;
            case Notice { Level: "stderr" } line when IsCodexSandboxRejection(line.Message):
                _withoutId++;
                break;
        }
    }

    public static bool IsCodexSandboxRejection(string stderrLine) =>
        stderrLine.Contains(CodexRouter, StringComparison.Ordinal) && stderrLine.Contains(CodexPatchRejected, StringComparison.Ordinal);
}
