using AgentDeck.Cli.Common;
using AgentDeck.Cli.Hosting;
using AgentDeck.Discovery;
using AgentDeck.Discovery.Doctor;
using AgentDeck.Discovery.Routing;
using AgentDeck.Processes;

namespace AgentDeck.Cli.Commands.Doctor;

/// <summary>Runs discovery and the doctor's probes; exit 1 when something is broken.</summary>
public sealed class DoctorHandler(CliContext context)
{
    public async Task<int> RunAsync(bool json, CancellationToken cancel)
    {
        var discovery = context.Discover();
        var environment = context.DiscoveryEnvironment;
        var doctor = new DoctorService(environment, new PathExecutableLocator(environment), new ProcessVersionProbe(new ProcessRunner(), TimeSpan.FromSeconds(15)));
        var probed = await doctor.RunAsync(discovery.Profiles, cancel).ConfigureAwait(false);
        var report = probed with { Warnings = [.. probed.Warnings, .. RejectedModelWarnings.All(discovery.Profiles, RunHistory.Rejections(context))] };
        var output = context.Console.Out;
        if (json)
        {
            output.WriteLine(DiscoveryJson.Serialize(report));
            return report.ExitCode;
        }

        foreach (var check in report.Checks)
        {
            var mark = check.Status switch { DoctorStatus.Ok => "ok  ", DoctorStatus.Warning => "warn", _ => "FAIL" };
            output.WriteLine($"{mark}  {check.Name,-10} {check.Version ?? "-",-12} {check.Detail}");
            if (check.Fix is { } fix && check.Status != DoctorStatus.Ok)
            {
                output.WriteLine($"      {"",-10} {"",-12} fix: {fix}");
            }
        }

        foreach (var warning in report.Warnings.Concat(discovery.Catalogs.Warnings))
        {
            output.WriteLine($"warn  {warning}");
        }

        return report.ExitCode;
    }
}
