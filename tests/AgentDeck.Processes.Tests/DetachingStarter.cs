using System.Diagnostics;
using AgentDeck.Core.Processes;

namespace AgentDeck.Processes.Tests;

/// <summary>
/// Entry point when this assembly is run with <c>dotnet</c>: plays a front end that starts a detached daemon, prints
/// its pid and dies by SIGKILL, with no chance to clean up.
/// </summary>
internal static class DetachingStarter
{
    public const string Verb = "start-detached-then-die";

    public static int Main(string[] args)
    {
        if (args.Length < 3 || args[0] != Verb)
        {
            Console.Error.WriteLine($"usage: dotnet AgentDeck.Processes.Tests.dll {Verb} <stdout-file> <program> [args...]");
            return 2;
        }

        var pid = new ProcessRunner().StartDetached(new ProcessSpec(args[2], args[3..]), stdoutPath: args[1]);
        Console.WriteLine(pid);
        Console.Out.Flush();
        Process.GetCurrentProcess().Kill();
        return 0;
    }
}
