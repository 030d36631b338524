namespace AgentDeck.Cli.Config;

/// <summary>What a verb does with the problems found in the configuration files before it runs.</summary>
public enum ConfigCheckMode
{
    /// <summary>The verb reads no configuration file.</summary>
    None,

    /// <summary>Every problem is printed; the verb goes on (it only reports, or reads what is still usable).</summary>
    Report,

    /// <summary>Every problem is printed and an error stops the verb before anything starts (it would spend on bad config).</summary>
    Refuse,
}
