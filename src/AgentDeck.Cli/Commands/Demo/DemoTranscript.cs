using AgentDeck.Core;

namespace AgentDeck.Cli.Commands.Demo;

/// <summary>One bundled transcript: which agent printed it, the role and prompt it stands for, and how the process exited.</summary>
public sealed record DemoTranscript(string File, AgentKind Agent, string Role, string Prompt, int ExitCode);
