using AgentDeck.Cli.Hosting;
using AgentDeck.Core.Cost;
using AgentDeck.Toml;

namespace AgentDeck.Cli.Config;

/// <summary>
/// Reads <c>[limits]</c> from <c>~/.config/agentdeck/config.toml</c> then <c>./.agentdeck/config.toml</c> (the project's
/// values win): <c>max_concurrency</c>, <c>run_timeout_seconds</c>, <c>max_output_bytes</c>, <c>run_budget_usd</c>,
/// <c>global_budget_usd</c>, <c>global_warning_fraction</c>.
/// </summary>
public static class LimitsConfig
{
    public static CostGuardSettings Load(CliConsole console, string? workingDirectory = null)
    {
        var settings = CostGuardSettings.Default;
        var home = console.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var xdg = console.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } x && Path.IsPathRooted(x) ? x : Path.Combine(home, ".config");
        foreach (var file in new[] { Path.Combine(xdg, "agentdeck", "config.toml"), Path.Combine(workingDirectory ?? console.CurrentDirectory, ".agentdeck", "config.toml") })
        {
            if (File.Exists(file))
            {
                settings = Apply(settings, Load(file));
            }
        }

        return settings;
    }

    public static CostGuardSettings Apply(CostGuardSettings settings, TomlDocument document)
    {
        if (document.TryGetInteger("limits.max_concurrency", out var concurrency))
        {
            settings = settings with { MaxConcurrency = (int)Math.Clamp(concurrency, 1, 1024) };
        }

        if (Number(document, "limits.run_timeout_seconds") is { } timeout)
        {
            settings = settings with { RunTimeout = TimeSpan.FromSeconds((double)timeout) };
        }

        if (document.TryGetInteger("limits.max_output_bytes", out var bytes))
        {
            settings = settings with { MaxOutputBytes = bytes };
        }

        if (Number(document, "limits.run_budget_usd") is { } runBudget)
        {
            settings = settings with { RunBudgetUsd = runBudget };
        }

        if (Number(document, "limits.global_budget_usd") is { } globalBudget)
        {
            settings = settings with { GlobalBudgetUsd = globalBudget };
        }

        if (Number(document, "limits.global_warning_fraction") is { } fraction)
        {
            settings = settings with { GlobalWarningFraction = fraction };
        }

        return settings;
    }

    private static TomlDocument Load(string file)
    {
        try
        {
            return TomlDocument.Load(file);
        }
        catch (TomlException error)
        {
            throw new CliException($"{file}: {error.Message}; fix the file's TOML");
        }
    }

    private static decimal? Number(TomlDocument document, string key) =>
        document.TryGetFloat(key, out var f) ? (decimal)f
        : document.TryGetInteger(key, out var i) ? i
        : null;
}
