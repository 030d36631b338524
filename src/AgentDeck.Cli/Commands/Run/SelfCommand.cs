using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Processes;

namespace AgentDeck.Cli.Commands.Run;

/// <summary>
/// Re-invokes agentdeck itself (for the detached supervisor): the apphost when that is what runs, else
/// <c>dotnet agentdeck.dll</c> (under <c>dotnet run</c>, tests, or any host).
/// </summary>
public static class SelfCommand
{
    public static ProcessSpec Build(IReadOnlyList<string> arguments)
    {
        var process = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileNameWithoutExtension(process) == "agentdeck")
        {
            return new ProcessSpec(process, arguments);
        }

        var host = Path.GetFileNameWithoutExtension(process) == "dotnet" ? process : "dotnet";
        return new ProcessSpec(host, [typeof(CliApp).Assembly.Location, .. arguments]);
    }
}
