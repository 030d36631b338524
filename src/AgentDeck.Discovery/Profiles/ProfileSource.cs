namespace AgentDeck.Discovery.Profiles;

/// <summary>Where a profile was found.</summary>
public enum ProfileSource
{
    /// <summary>A provider in ~/.cc-switch/cc-switch.db.</summary>
    CcSwitch,

    /// <summary>A provider in the legacy ~/.cc-switch/config.json (used when no database exists).</summary>
    CcSwitchLegacyConfig,

    /// <summary>The env of ~/.claude/settings.json.</summary>
    ClaudeSettings,

    /// <summary>$CODEX_HOME/config.toml itself.</summary>
    CodexConfig,

    /// <summary>A Codex profile v2 file, $CODEX_HOME/NAME.config.toml.</summary>
    CodexProfileFile,

    /// <summary>A legacy [profiles.NAME] table in config.toml, which Codex 0.134+ ignores or rejects.</summary>
    CodexLegacyProfileTable,

    /// <summary>A named profile in AgentDeck's own config.</summary>
    AgentDeck,
}
