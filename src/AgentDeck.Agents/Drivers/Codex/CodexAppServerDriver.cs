using System.Text.Json;
using AgentDeck.Agents.Drivers.Shared;
using AgentDeck.Core;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Drivers.Codex;

/// <summary>
/// A live Codex worker over <c>codex app-server</c> (agent-protocols.md §2.6): handshake and <c>thread/start</c> at
/// start, <c>turn/start</c> once the thread id is known, <c>turn/steer</c> against the active turn, and
/// <c>turn/interrupt</c>. A steer that arrives before the first turn exists waits for it; one that arrives after a
/// turn completed starts the next turn.
/// </summary>
public sealed class CodexAppServerDriver(WorkerLaunch launch, AgentDriverOptions options) : IAgentDriver
{
    private readonly CodexRpc rpc = new();
    private readonly Dictionary<long, CodexPendingCall> pending = [];
    private readonly Queue<string> steersWaitingForTurn = new();
    private string? threadId;
    private string? activeTurnId;
    private bool turnStarting;
    private bool interruptWanted;

    public AgentKind Agent => AgentKind.Codex;

    public ProcessSpec Spec { get; } = WorkerSpec.Build(launch, options, CodexArguments.AppServer(launch), StdinMode.Pipe);

    public bool IsLive => true;

    public bool TurnFinished { get; private set; }

    /// <summary>The thread (session) id once <c>thread/start</c> answered.</summary>
    public string? ThreadId => threadId;

    /// <summary>The turn that steering and interrupts address, while one runs.</summary>
    public string? ActiveTurnId => activeTurnId;

    public IReadOnlyList<string> OnStarted()
    {
        var initialize = rpc.Initialize(options.ClientName, options.ClientVersion);
        pending[rpc.LastId] = new("initialize");
        var threadStart = rpc.ThreadStart(launch.WorkingDirectory, CodexSandbox.For(launch), launch.Model, launch.Persona);
        pending[rpc.LastId] = new("thread/start");
        turnStarting = true;
        return [initialize, CodexRpc.Initialized(), threadStart];
    }

    public IReadOnlyList<string> OnStdoutLine(ReadOnlySpan<byte> line)
    {
        using var document = JsonProbe.Object(line);
        if (document is null)
        {
            return [];
        }

        var message = document.RootElement;
        var method = message.StringMember("method");
        var hasId = message.Member("id") is { ValueKind: JsonValueKind.Number or JsonValueKind.String };
        return (method, hasId) switch
        {
            (null, true) => OnResponse(message),
            (not null, true) => [AnswerServerRequest(message, method)],
            (not null, false) => OnNotification(method, message.Member("params")),
            _ => [],
        };
    }

    public SteerPlan Steer(string message)
    {
        if (threadId is null || (turnStarting && activeTurnId is null))
        {
            steersWaitingForTurn.Enqueue(message);
            return SteerPlan.Live();
        }

        return activeTurnId is not null
            ? SteerPlan.Live(SteerLine(threadId, activeTurnId, message))
            : SteerPlan.Live(StartTurn(threadId, message));
    }

    public IReadOnlyList<string>? Interrupt()
    {
        if (threadId is not null && activeTurnId is not null)
        {
            return [InterruptLine(threadId, activeTurnId)];
        }

        // The turn is not known yet: interrupt it as soon as it is (or never start it).
        interruptWanted = turnStarting;
        return [];
    }

    private IReadOnlyList<string> OnResponse(JsonElement response)
    {
        if (response.IdMember("id") is not { } id || !pending.Remove(id, out var call))
        {
            return [];
        }

        var failed = response.Member("error") is { ValueKind: not JsonValueKind.Null };
        var result = response.Member("result") ?? default;
        return call.Method switch
        {
            "thread/start" => OnThreadStarted(failed ? null : result.Member("thread")?.StringMember("id")),
            "turn/start" => OnTurnStartAnswered(failed ? null : result.Member("turn")?.StringMember("id")),
            "turn/steer" when failed && call.Text is not null => RetrySteer(call),
            _ => [],
        };
    }

    private IReadOnlyList<string> OnThreadStarted(string? startedThreadId)
    {
        threadId = startedThreadId;
        if (threadId is null || interruptWanted)
        {
            // No thread, or stopped before it began: there will be no turn to wait for.
            EndWithoutTurn();
            return [];
        }

        return [StartTurn(threadId, launch.Prompt)];
    }

    private IReadOnlyList<string> OnTurnStartAnswered(string? turnId)
    {
        turnStarting = false;
        if (turnId is null)
        {
            if (activeTurnId is null)
            {
                EndWithoutTurn();
            }

            return [];
        }

        return OnTurnKnown(turnId);
    }

    private IReadOnlyList<string> OnTurnKnown(string turnId)
    {
        activeTurnId = turnId;
        TurnFinished = false;
        if (threadId is null)
        {
            return [];
        }

        if (interruptWanted)
        {
            interruptWanted = false;
            steersWaitingForTurn.Clear();
            return [InterruptLine(threadId, turnId)];
        }

        var lines = new List<string>(steersWaitingForTurn.Count);
        while (steersWaitingForTurn.TryDequeue(out var text))
        {
            lines.Add(SteerLine(threadId, turnId, text));
        }

        return lines;
    }

    private IReadOnlyList<string> OnNotification(string method, JsonElement? parameters)
    {
        var turnId = parameters?.Member("turn")?.StringMember("id");
        switch (method)
        {
            case "turn/started" when turnId is not null && turnId != activeTurnId:
                return OnTurnKnown(turnId);
            case "turn/completed" when turnId is not null && (activeTurnId is null || turnId == activeTurnId):
                activeTurnId = null;
                TurnFinished = !turnStarting;
                return [];
            default:
                return [];
        }
    }

    // A steer is refused when its expected turn is no longer the active one: address the turn now running, or start
    // a new turn with the message when the old one already ended.
    private IReadOnlyList<string> RetrySteer(CodexPendingCall call)
    {
        if (threadId is null || call.Text is null)
        {
            return [];
        }

        if (activeTurnId is null)
        {
            return turnStarting ? QueueSteer(call.Text) : [StartTurn(threadId, call.Text)];
        }

        return activeTurnId != call.ExpectedTurnId ? [SteerLine(threadId, activeTurnId, call.Text)] : [];
    }

    private IReadOnlyList<string> QueueSteer(string text)
    {
        steersWaitingForTurn.Enqueue(text);
        return [];
    }

    private string StartTurn(string thread, string text)
    {
        var line = rpc.TurnStart(thread, text);
        pending[rpc.LastId] = new("turn/start", text);
        turnStarting = true;
        TurnFinished = false;
        return line;
    }

    private string SteerLine(string thread, string turnId, string text)
    {
        var line = rpc.TurnSteer(thread, turnId, text);
        pending[rpc.LastId] = new("turn/steer", text, turnId);
        return line;
    }

    private string InterruptLine(string thread, string turnId)
    {
        var line = rpc.TurnInterrupt(thread, turnId);
        pending[rpc.LastId] = new("turn/interrupt");
        return line;
    }

    private void EndWithoutTurn()
    {
        turnStarting = false;
        interruptWanted = false;
        steersWaitingForTurn.Clear();
        TurnFinished = true;
    }

    private static string AnswerServerRequest(JsonElement request, string method) =>
        method.EndsWith("/requestApproval", StringComparison.Ordinal)
            ? CodexRpc.Decline(request.GetProperty("id"))
            : CodexRpc.MethodNotHandled(request.GetProperty("id"), method);
}
