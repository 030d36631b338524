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

    /// <summary>The model API refused the model id itself (unknown model, no access): retrying the same model cannot help.</summary>
    public const string ModelRejected = "model_rejected";

    /// <summary>The run ended as the agent said, but AgentDeck's own check of the result failed (bench tasks).</summary>
    public const string CheckFailed = "check_failed";
}
