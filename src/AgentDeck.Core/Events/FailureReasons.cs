namespace AgentDeck.Core.Events;

/// <summary>Stable failure reasons shared by every agent, so status and routing can compare runs of different CLIs.</summary>
public static class FailureReasons
{
    public const string ApiError = "api_error";
    public const string PromptTooLong = "prompt_too_long";
    public const string MaxTurns = "max_turns";
    public const string Budget = "budget";
    public const string Timeout = "timeout";
    public const string Crash = "crash";
    public const string Aborted = "aborted";
    public const string ToolError = "tool_error";
    public const string Auth = "auth";
    public const string Config = "config";
    public const string OutputCap = "output_cap";
}
