namespace AgentDeck.Discovery.Config.Checking;

public enum ConfigProblemSeverity
{
    /// <summary>Read past (an unknown key): the rest of the file is used.</summary>
    Warning,

    /// <summary>The file says something AgentDeck cannot use (a malformed file, a wrong type): a run must not start on it.</summary>
    Error,
}
