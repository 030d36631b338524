using AgentDeck.Core;
using AgentDeck.Discovery.Environment;
using AgentDeck.Discovery.Profiles;

namespace AgentDeck.Discovery.Doctor;

/// <summary>
/// <c>agentdeck doctor</c>: which agent CLIs are installed or configured, their versions, whether each can run headless
/// here, git and tmux, and the ledger. Reports names of credential variables and files, never their contents.
/// </summary>
public sealed class DoctorService(DiscoveryEnvironment environment, IExecutableLocator locator, IVersionProbe probe)
{
    public async Task<DoctorReport> RunAsync(ProfileReport profiles, CancellationToken cancellationToken = default)
    {
        var checks = new List<DoctorCheck>();
        foreach (var agentProbe in ProgramProbe.Agents)
        {
            checks.Add(await CheckAgentAsync(agentProbe, profiles, cancellationToken).ConfigureAwait(false));
        }

        if (!checks.Any(check => check.Headless == true))
        {
            checks.Add(new DoctorCheck("agents", DoctorStatus.Error, null, null, "no agent CLI can run headless here",
                "install at least one agent CLI and give it credentials (see the lines above)"));
        }

        foreach (var toolProbe in ProgramProbe.Tools)
        {
            checks.Add(await CheckToolAsync(toolProbe, cancellationToken).ConfigureAwait(false));
        }

        checks.Add(LedgerHealthProbe.Check(environment.LedgerPath));
        return new DoctorReport(checks, profiles.Warnings);
    }

    private async Task<DoctorCheck> CheckAgentAsync(ProgramProbe agentProbe, ProfileReport profiles, CancellationToken cancellationToken)
    {
        var agent = agentProbe.Agent!.Value;
        var path = locator.Find(agentProbe.Program);
        var configured = profiles.For(agent).Select(profile => $"{profile.Source} {profile.Name}").ToList();
        if (path is null)
        {
            var seen = configured.Count == 0 ? "not installed" : $"configured ({string.Join(", ", configured)}) but not on PATH";
            return new DoctorCheck(agentProbe.Program, DoctorStatus.Warning, null, null, seen, agentProbe.InstallHint) { Headless = false };
        }

        var (version, versionProblem) = await ProbeVersionAsync(agentProbe, path, cancellationToken).ConfigureAwait(false);
        var evidence = HeadlessEvidence(agent, profiles);
        var rule = HeadlessEvidenceRule.For(agent);
        if (versionProblem is not null)
        {
            return new DoctorCheck(agentProbe.Program, DoctorStatus.Error, null, path, versionProblem,
                $"reinstall {agentProbe.Program} ({agentProbe.InstallHint})") { Headless = false };
        }

        return evidence.Count == 0
            ? new DoctorCheck(agentProbe.Program, DoctorStatus.Warning, version, path, "installed, but no credentials or base URL found for headless runs", rule.Fix)
                { Headless = false }
            : new DoctorCheck(agentProbe.Program, DoctorStatus.Ok, version, path, "headless ready: " + string.Join("; ", evidence), null)
                { Headless = true };
    }

    private async Task<DoctorCheck> CheckToolAsync(ProgramProbe toolProbe, CancellationToken cancellationToken)
    {
        var path = locator.Find(toolProbe.Program);
        var missingStatus = toolProbe.Required ? DoctorStatus.Error : DoctorStatus.Warning;
        if (path is null)
        {
            return new DoctorCheck(toolProbe.Program, missingStatus, null, null, "not installed", toolProbe.InstallHint);
        }

        var (version, problem) = await ProbeVersionAsync(toolProbe, path, cancellationToken).ConfigureAwait(false);
        return problem is null
            ? new DoctorCheck(toolProbe.Program, DoctorStatus.Ok, version, path, "found", null)
            : new DoctorCheck(toolProbe.Program, missingStatus, null, path, problem, toolProbe.InstallHint);
    }

    private async Task<(string? Version, string? Problem)> ProbeVersionAsync(ProgramProbe programProbe, string path, CancellationToken cancellationToken)
    {
        var command = $"{programProbe.Program} {string.Join(' ', programProbe.VersionArguments)}";
        var output = await probe.RunAsync(path, programProbe.VersionArguments, cancellationToken).ConfigureAwait(false);
        if (output is null)
        {
            return (null, $"`{command}` could not be started");
        }

        if (output.ExitCode != 0)
        {
            var said = FirstLine(output.StandardError) ?? FirstLine(output.StandardOutput) ?? "no output";
            return (null, $"`{command}` exited {output.ExitCode}: {said}");
        }

        return (VersionText.Extract(output.StandardOutput) ?? VersionText.Extract(output.StandardError) ?? "unknown", null);
    }

    private List<string> HeadlessEvidence(AgentKind agent, ProfileReport profiles)
    {
        var rule = HeadlessEvidenceRule.For(agent);
        var evidence = new List<string>();
        var variables = rule.Variables.Where(environment.Has).ToList();
        if (variables.Count > 0)
        {
            evidence.Add($"environment sets {string.Join(", ", variables)}");
        }

        evidence.AddRange(rule.LoginFiles(environment).Where(File.Exists).Select(file => $"found {file}"));
        evidence.AddRange(profiles.For(agent)
            .Where(profile => profile.IsCurrent && (profile.HasCredential || profile.BaseUrl is not null))
            .Select(profile => profile.HasCredential
                ? $"{profile.Source} {profile.Name} sets {profile.CredentialVariable}"
                : $"{profile.Source} {profile.Name} sets a base URL"));
        return evidence;
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
}
