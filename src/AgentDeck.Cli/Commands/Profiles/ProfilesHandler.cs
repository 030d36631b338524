using AgentDeck.Cli.Hosting;
using AgentDeck.Core;
using AgentDeck.Cli.Common;
using AgentDeck.Discovery;
using AgentDeck.Discovery.Routing;

namespace AgentDeck.Cli.Commands.Profiles;

/// <summary>Prints discovered profiles; problems in the files read are warnings, never a failure.</summary>
public sealed class ProfilesHandler(CliContext context)
{
    public int Run(bool json)
    {
        var found = context.Discover().Profiles;
        var report = found with { Warnings = [.. found.Warnings, .. RejectedModelWarnings.ForProfiles(found, RunHistory.Rejections(context))] };
        var output = context.Console.Out;
        if (json)
        {
            output.WriteLine(DiscoveryJson.Serialize(report));
            return ExitCodes.Ok;
        }

        if (report.Profiles.Count == 0)
        {
            output.WriteLine("No profiles found (CC-Switch, ~/.codex, ~/.claude/settings.json, ~/.config/agentdeck/config.toml).");
        }

        foreach (var profile in report.Profiles)
        {
            var current = profile.IsCurrent ? "*" : " ";
            var baseUrl = profile.ShownBaseUrl is { } url ? "  " + url : "";
            output.WriteLine($"{current} {profile.Name,-20} {profile.Agent.ToName(),-8} {profile.Model ?? "-",-28} {profile.SourceName,-10} {profile.SourcePath}{baseUrl}");
        }

        foreach (var warning in report.Warnings)
        {
            context.Console.Error.WriteLine($"warning: {warning}");
        }

        return ExitCodes.Ok;
    }
}
