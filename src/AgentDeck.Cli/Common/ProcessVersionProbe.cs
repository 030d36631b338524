using AgentDeck.Core.Processes;
using AgentDeck.Discovery.Doctor;

namespace AgentDeck.Cli.Common;

/// <summary>Runs <c>program --version</c>-style probes through the process-runner seam, bounded in time.</summary>
public sealed class ProcessVersionProbe(IProcessRunner runner, TimeSpan timeout) : IVersionProbe
{
    public async Task<ProbeOutput?> RunAsync(string program, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            var result = await runner.RunAsync(new ProcessSpec(program, arguments), null, timeout, cancellationToken).ConfigureAwait(false);
            return result.TimedOut ? null : new ProbeOutput(result.ExitCode, result.Stdout, result.Stderr);
        }
        catch (ProcessStartException)
        {
            return null;
        }
    }
}
