namespace AgentDeck.Cli.Commands.Demo.Live;

/// <summary>One worker of the demo team: which agent, in which role, with which prompt, and whether it may write.</summary>
public sealed class DemoWorker
{
    public string Agent { get; set; } = "";

    public string Role { get; set; } = "";

    public string Prompt { get; set; } = "";

    public string? Model { get; set; }

    public bool Write { get; set; }
}
