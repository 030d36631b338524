using AgentDeck.Core;
using AgentDeck.Core.Workers;

namespace AgentDeck.Agents.Tests.Drivers;

/// <summary>Launches for driver tests, varied along the axes the drivers care about.</summary>
internal static class Launches
{
    public const string Cwd = "/home/dev/demo";
    public const string Persona = "You review code.\nSay \"done\" when finished.";

    public static WorkerLaunch Of(
        AgentKind agent,
        string prompt = "fix the bug",
        bool write = false,
        string? model = null,
        string? persona = null,
        string? resume = null) =>
        new("run-1", agent, prompt, Cwd) { Write = write, Model = model, Persona = persona, ResumeSessionId = resume };
}
