using AgentDeck.Agents.Drivers.Claude;
using AgentDeck.Agents.Drivers.Codex;
using AgentDeck.Agents.Drivers.Gemini;
using AgentDeck.Agents.Drivers.OpenCode;
using AgentDeck.Agents.Drivers.Shared;
using AgentDeck.Core;
using AgentDeck.Core.Processes;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Drivers;

/// <summary>
/// Creates the driver for a launch. Live: Claude (stream-json stdin) and new Codex workers under the app-server.
/// One-shot: Codex <c>exec</c> and every Codex resume, Gemini, OpenCode.
/// </summary>
public sealed class AgentDriverFactory(AgentDriverOptions? options = null) : IAgentDriverFactory
{
    private static readonly IReadOnlySet<string> CodexExecEnd = new HashSet<string>(["turn.completed", "turn.failed"]);
    private static readonly IReadOnlySet<string> GeminiEnd = new HashSet<string>(["result"]);

    // OpenCode 1.18 just ends the stream; newer builds close with a "done" line.
    private static readonly IReadOnlySet<string> OpenCodeEnd = new HashSet<string>(["done"]);

    // Without options, AGENTDECK_<AGENT>_COMMAND variables may replace a CLI (a front end sets them for its supervisors).
    private readonly AgentDriverOptions options = options ?? AgentDriverOptions.FromEnvironment(Environment.GetEnvironmentVariable);

    public IAgentDriver Create(WorkerLaunch launch) => launch.Agent switch
    {
        AgentKind.Claude => new ClaudeDriver(launch, options),
        AgentKind.Codex => CreateCodex(launch),
        AgentKind.Gemini => OneShot(launch, GeminiArguments.For(launch), launch.Environment, GeminiEnd),
        AgentKind.OpenCode => OneShot(launch, OpenCodeArguments.For(launch), OpenCodeReadOnly.Environment(launch), OpenCodeEnd),
        _ => throw new ArgumentOutOfRangeException(nameof(launch), launch.Agent, "no driver for this agent"),
    };

    private IAgentDriver CreateCodex(WorkerLaunch launch)
    {
        // The app-server's thread/resume was never exercised; exec resume was (§2.5), so a resume is one-shot.
        if (launch.Resumes() && launch.ResumeSessionId is { } sessionId)
        {
            return OneShot(launch, CodexArguments.Resume(launch, sessionId), launch.Environment, CodexExecEnd);
        }

        return options.Codex == CodexTransport.Exec
            ? OneShot(launch, CodexArguments.Exec(launch), launch.Environment, CodexExecEnd)
            : new CodexAppServerDriver(launch, options);
    }

    private IAgentDriver OneShot(
        WorkerLaunch launch,
        IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        IReadOnlySet<string> finalLineTypes) =>
        new OneShotDriver(launch.Agent, WorkerSpec.Build(launch, options, arguments, StdinMode.None, environment), finalLineTypes);
}
