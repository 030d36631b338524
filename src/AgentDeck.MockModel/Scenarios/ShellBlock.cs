namespace AgentDeck.MockModel.Scenarios;

/// <summary>Claude: Bash. Codex: whichever shell tool the request offers (exec_command, shell_command, shell, local_shell).</summary>
public sealed record ShellBlock(string Command, string? Description = null) : ScenarioBlock
{
    public override bool IsToolCall => true;
}
