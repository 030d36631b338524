namespace AgentDeck.Cli.Config;

/// <summary>The verbs that read config.toml or the data files, and whether a problem there stops them.</summary>
public static class ConfigReadingVerbs
{
    private static readonly Dictionary<string, ConfigCheckMode> Modes = new(StringComparer.Ordinal)
    {
        ["run"] = ConfigCheckMode.Refuse,
        ["resume"] = ConfigCheckMode.Refuse,
        ["bench-model"] = ConfigCheckMode.Refuse,
        ["demo"] = ConfigCheckMode.Refuse,
        ["doctor"] = ConfigCheckMode.Report,
        ["profiles"] = ConfigCheckMode.Report,
        ["route"] = ConfigCheckMode.Report,
        ["calibrate"] = ConfigCheckMode.Report,
        ["import"] = ConfigCheckMode.Report,
        ["ledger"] = ConfigCheckMode.Report,
    };

    public static ConfigCheckMode ModeFor(string verb) => Modes.GetValueOrDefault(verb, ConfigCheckMode.None);
}
